package org.civicca.api.certificate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civicca.core.revoke.CertificateStatus;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Filtered, paged listings of certificates. */
@Component
class CertificateQueries {

    private final JdbcAggregateTemplate template;
    private final CertificateViews views;
    private final Clock clock;

    CertificateQueries(JdbcAggregateTemplate template, CertificateViews views, Clock clock) {
        this.template = template;
        this.views = views;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    CertificatePage list(CertificateFilter filter) {
        Criteria criteria = criteria(filter, clock.instant());
        Query query = Query.query(criteria);
        long total = template.count(query, CertificateRow.class);
        PageRequest page = PageRequest.of(filter.page(), filter.size(), Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("serial")));
        List<CertificateView> items = template.findAll(query, CertificateRow.class, page).stream()
                .map(JdbcCertificateStore::toRecord).map(views::summary).toList();
        return new CertificatePage(items, filter.page(), filter.size(), total);
    }

    /** Every certificate the filter matches, page after page. */
    @Transactional(readOnly = true)
    List<CertificateView> all(CertificateFilter filter) {
        List<CertificateView> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            CertificatePage one = list(new CertificateFilter(filter.agency(), filter.profile(), filter.status(), filter.query(),
                    filter.expiringBefore(), filter.requestId(), page, CertificateFilter.MAX_SIZE));
            all.addAll(one.items());
            if (one.items().size() < CertificateFilter.MAX_SIZE) {
                return all;
            }
        }
    }

    private static Criteria criteria(CertificateFilter filter, Instant now) {
        List<Criteria> parts = new ArrayList<>();
        filter.agency().ifPresent(a -> parts.add(Criteria.where("agency").is(a)));
        filter.profile().ifPresent(p -> parts.add(Criteria.where("profile").is(p)));
        filter.status().ifPresent(s -> parts.add(status(s, now)));
        filter.expiringBefore().ifPresent(t -> parts.add(Criteria.where("notAfter").lessThan(t)));
        filter.requestId().ifPresent(id -> parts.add(Criteria.where("requestId").is(id)));
        filter.query().ifPresent(q -> {
            String like = "%" + escapeLike(q) + "%";
            parts.add(Criteria.where("commonName").like(like).ignoreCase(true)
                    .or(Criteria.where("email").like(like).ignoreCase(true))
                    .or(Criteria.where("serial").like(like).ignoreCase(true)));
        });
        Criteria all = Criteria.empty();
        for (Criteria part : parts) {
            all = all.and(part);
        }
        return all;
    }

    private static Criteria status(CertificateStatus status, Instant now) {
        return switch (status) {
            case ISSUED -> Criteria.where("status").is("ISSUED").and("notAfter").greaterThan(now);
            case EXPIRED -> Criteria.where("status").is("ISSUED").and("notAfter").lessThanOrEquals(now);
            case REVOKED, ON_HOLD -> Criteria.where("status").is(status.name());
        };
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
