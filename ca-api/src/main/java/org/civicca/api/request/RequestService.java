package org.civicca.api.request;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.civicca.api.account.Actor;
import org.civicca.api.certificate.CertificateRequestBody;
import org.civicca.api.certificate.CertificateService;
import org.civicca.api.web.ApiMessage;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.issue.IssuancePipeline;
import org.civicca.core.issue.IssuanceRequest;
import org.civicca.core.issue.IssuanceService;
import org.civicca.core.subject.FieldRule;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Four eyes: a clerk's request that needs approval is checked in full (so nothing bad waits), kept as PENDING, then
 * approved by an officer who is not its requester, which issues it, or rejected with a reason. Clerks see their
 * agency's requests only. Every step is audited.
 */
@Service
public class RequestService {

    private final CertificateRequestRepository requests;
    private final JdbcAggregateTemplate rows;
    private final IssuanceService issuance;
    private final CertificateService certificates;
    private final RequestSupport support;

    RequestService(CertificateRequestRepository requests, JdbcAggregateTemplate rows, IssuanceService issuance,
                   CertificateService certificates, RequestSupport support) {
        this.requests = requests;
        this.rows = rows;
        this.issuance = issuance;
        this.certificates = certificates;
        this.support = support;
    }

    /** The waiting request, new or (same requestId, same content) the one submitted before. */
    @Transactional
    public Submitted submit(CertificateRequestBody body, Actor clerk) {
        IssuanceRequest request = body.toRequest();
        clerk.scope().filter(agency -> !agency.equals(request.agency())).ifPresent(agency -> {
            throw new CaException(ErrorCode.FORBIDDEN, "agency", ApiMessage.CLERK_OWN_AGENCY_REQUESTS, agency);
        });
        IssuancePipeline.Checked checked = issuance.check(request);
        if (request.requestId().flatMap(support.certificates()::findByRequestId).isPresent()) {
            throw new CaException(ErrorCode.REQUEST_ID_CONFLICT, "requestId", ApiMessage.REQUEST_ID_USED_FOR_CERTIFICATE);
        }
        Optional<CertificateRequestRow> earlier = request.requestId().flatMap(requests::findByRequestId);
        if (earlier.isPresent()) {
            if (!earlier.get().fingerprint().equals(checked.fingerprint())) {
                throw new CaException(ErrorCode.REQUEST_ID_CONFLICT, "requestId", ApiMessage.REQUEST_ID_USED_FOR_OTHER_REQUEST);
            }
            return new Submitted(RequestView.of(earlier.get()), false);
        }
        Instant now = support.clock().instant().truncatedTo(ChronoUnit.MICROS);
        CertificateRequestRow row = new CertificateRequestRow(UUID.randomUUID().toString(), request.requestId().orElse(null),
                checked.profile().name(), checked.agency().code(), checked.subject().commonName(), checked.fingerprint(),
                support.json().writeValueAsString(body), RequestState.PENDING.name(), clerk.name(), clerk.accountId(), now, null, null,
                null, null);
        rows.insert(row);
        support.audit().record(clerk.name(), "request.submitted", row.id(), "profile=" + row.profile() + "; agency=" + row.agency()
                + "; requestId=" + (row.requestId() == null ? "-" : row.requestId()) + "; subject=" + row.commonName());
        return new Submitted(RequestView.of(row), true);
    }

    @Transactional
    public RequestView approve(String id, Actor officer) {
        CertificateRequestRow row = pending(id, officer);
        Instant now = support.clock().instant().truncatedTo(ChronoUnit.MICROS);
        decide(row, RequestState.APPROVED, officer, now, null);
        CertificateRequestBody body = support.json().readValue(row.body(), CertificateRequestBody.class);
        String serial = certificates.issueWithin(body.toRequest(), officer).record().serial().hex();
        requests.recordSerial(row.id(), serial);
        support.audit().record(officer.name(), "request.approved", row.id(), "requestedBy=" + row.requestedBy() + "; serial=" + serial);
        return RequestView.of(row.decided(RequestState.APPROVED, officer.name(), now, null, serial));
    }

    @Transactional
    public RequestView reject(String id, String reason, Actor officer) {
        String why = FieldRule.TICKET.check("reason", reason);
        CertificateRequestRow row = pending(id, officer);
        Instant now = support.clock().instant().truncatedTo(ChronoUnit.MICROS);
        decide(row, RequestState.REJECTED, officer, now, why);
        support.audit().record(officer.name(), "request.rejected", row.id(), "requestedBy=" + row.requestedBy() + "; reason=" + why);
        return RequestView.of(row.decided(RequestState.REJECTED, officer.name(), now, why, null));
    }

    @Transactional(readOnly = true)
    public RequestView get(String id, Actor actor) {
        return RequestView.of(find(id, actor));
    }

    @Transactional(readOnly = true)
    public List<RequestView> list(Optional<RequestState> state, Actor actor) {
        return requests.findAll().stream()
                .filter(r -> actor.scope().map(r.agency()::equals).orElse(true))
                .filter(r -> state.map(s -> s.name().equals(r.state())).orElse(true))
                .sorted(Comparator.comparing(CertificateRequestRow::requestedAt).reversed())
                .map(RequestView::of).toList();
    }

    private CertificateRequestRow pending(String id, Actor officer) {
        CertificateRequestRow row = find(id, officer);
        if (row.requestedById().equals(officer.accountId())) {
            throw new CaException(ErrorCode.FORBIDDEN, "id", ApiMessage.FOUR_EYES);
        }
        return row;
    }

    private void decide(CertificateRequestRow row, RequestState state, Actor officer, Instant now, String reason) {
        if (requests.decide(row.id(), state.name(), officer.name(), now, reason) != 1) {
            throw new CaException(ErrorCode.REQUEST_DECIDED, "id", ApiMessage.REQUEST_ALREADY_DECIDED, requests.findById(row.id())
                    .map(CertificateRequestRow::state).orElse("decided").toLowerCase(Locale.ROOT));
        }
    }

    private CertificateRequestRow find(String id, Actor actor) {
        return (id == null ? Optional.<CertificateRequestRow>empty() : requests.findById(id))
                .filter(r -> actor.scope().map(r.agency()::equals).orElse(true))
                .orElseThrow(() -> new CaException(ErrorCode.UNKNOWN_REQUEST, "id", ApiMessage.NO_REQUEST_WITH_ID));
    }

    /** The request just submitted, and whether this call created it. */
    public record Submitted(RequestView request, boolean created) {
    }
}
