package org.civicca.api.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.civicca.api.account.Actor;
import org.civicca.api.web.ApiMessage;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.revoke.CertificateStatus;

/** The filters and page of {@code GET /api/v1/certificates}, checked: page from 0, size 1 to 1000. */
record CertificateFilter(Optional<String> agency, Optional<String> profile, Optional<CertificateStatus> status, Optional<String> query,
                         Optional<Instant> expiringBefore, Optional<String> requestId, int page, int size) {

    static final int MAX_SIZE = 1000;

    static CertificateFilter of(String agency, String profile, String status, String q, String expiringBefore, String requestId,
                                Integer page, Integer size) {
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? 50 : size;
        if (pageNumber < 0) {
            throw new CaException(ErrorCode.MALFORMED_REQUEST, "page", ApiMessage.PAGE_NOT_NEGATIVE);
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw new CaException(ErrorCode.MALFORMED_REQUEST, "size", ApiMessage.SIZE_RANGE, MAX_SIZE);
        }
        return new CertificateFilter(text(agency), text(profile), text(status).map(CertificateFilter::status), text(q),
                text(expiringBefore).map(CertificateFilter::instant), text(requestId), pageNumber, pageSize);
    }

    /** A clerk lists their own agency only: asking for another is refused, asking for none means theirs. */
    CertificateFilter scopedTo(Actor actor) {
        Optional<String> scope = actor.scope();
        if (scope.isEmpty()) {
            return this;
        }
        if (agency.isPresent() && !agency.equals(scope)) {
            throw new CaException(ErrorCode.FORBIDDEN, "agency", ApiMessage.CLERK_OWN_AGENCY_LIST, scope.get());
        }
        return new CertificateFilter(scope, profile, status, query, expiringBefore, requestId, page, size);
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static CertificateStatus status(String value) {
        try {
            return CertificateStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CaException(ErrorCode.MALFORMED_REQUEST, "status", ApiMessage.CERTIFICATE_STATUS_ONE_OF);
        }
    }

    private static Instant instant(String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new CaException(ErrorCode.MALFORMED_REQUEST, "expiringBefore", ApiMessage.EXPIRING_BEFORE_FORMAT);
        }
    }
}
