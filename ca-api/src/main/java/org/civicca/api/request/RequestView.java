package org.civicca.api.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A clerk's request as the API shows it; serial is set once it is approved and issued. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestView(String id, String requestId, String profile, String agency, String commonName, RequestState state,
                          String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, String reason, String serial) {

    static RequestView of(CertificateRequestRow row) {
        return new RequestView(row.id(), row.requestId(), row.profile(), row.agency(), row.commonName(), RequestState.valueOf(row.state()),
                row.requestedBy(), row.requestedAt(), row.decidedBy(), row.decidedAt(), row.reason(), row.serial());
    }
}
