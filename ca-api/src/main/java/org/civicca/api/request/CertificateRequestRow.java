package org.civicca.api.request;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table
record CertificateRequestRow(@Id String id, String requestId, String profile, String agency, String commonName, String fingerprint,
                             String body, String state, String requestedBy, String requestedById, Instant requestedAt,
                             String decidedBy, Instant decidedAt, String reason, String serial) {

    CertificateRequestRow decided(RequestState next, String by, Instant at, String why, String issuedSerial) {
        return new CertificateRequestRow(id, requestId, profile, agency, commonName, fingerprint, body, next.name(), requestedBy, requestedById,
                requestedAt, by, at, why, issuedSerial);
    }
}
