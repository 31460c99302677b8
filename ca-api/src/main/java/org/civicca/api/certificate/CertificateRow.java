package org.civicca.api.certificate;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table
record CertificateRow(
        @Id String serial,
        String issuer,
        String profile,
        String agency,
        String requestId,
        String requestFingerprint,
        String subjectDn,
        String commonName,
        String email,
        String status,
        Instant notBefore,
        Instant notAfter,
        byte[] der,
        Instant revokedAt,
        String revocationReason,
        Instant invalidityDate,
        Instant createdAt) {
}
