package org.civicca.api.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.civicca.api.web.ApiMessage;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;

/** The filters of {@code GET /api/v1/audit}: a time window, actor, action, target; page from 0, size 1 to 1000. */
record AuditFilter(Optional<Instant> from, Optional<Instant> to, Optional<String> actor, Optional<String> action, Optional<String> target,
                   int page, int size) {

    static AuditFilter of(String from, String to, String actor, String action, String target, Integer page, Integer size) {
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? 100 : size;
        if (pageNumber < 0 || pageSize < 1 || pageSize > 1000) {
            throw new CaException(ErrorCode.MALFORMED_REQUEST, pageNumber < 0 ? "page" : "size", ApiMessage.AUDIT_PAGING);
        }
        return new AuditFilter(instant(from, "from"), instant(to, "to"), text(actor), text(action), text(target), pageNumber, pageSize);
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static Optional<Instant> instant(String value, String field) {
        try {
            return text(value).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new CaException(ErrorCode.MALFORMED_REQUEST, field, ApiMessage.INSTANT_FORMAT, field);
        }
    }
}
