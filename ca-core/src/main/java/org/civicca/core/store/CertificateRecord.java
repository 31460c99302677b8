package org.civicca.core.store;

import java.time.Instant;
import java.util.Optional;
import org.civicca.core.SerialNumber;
import org.civicca.core.revoke.CertificateStatus;
import org.civicca.core.revoke.Revocation;

/** A certificate as the CA keeps it. {@code status} is as stored; {@link #statusAt} adds expiry. */
public record CertificateRecord(
        SerialNumber serial,
        String issuer,
        String profile,
        String agency,
        Optional<String> requestId,
        String requestFingerprint,
        String subjectDn,
        String commonName,
        Optional<String> email,
        CertificateStatus status,
        Instant notBefore,
        Instant notAfter,
        byte[] der,
        Optional<Revocation> revocation,
        Instant createdAt) {

    public CertificateStatus statusAt(Instant now) {
        return status == CertificateStatus.ISSUED && !now.isBefore(notAfter) ? CertificateStatus.EXPIRED : status;
    }

    public CertificateRecord withStatus(CertificateStatus next, Optional<Revocation> nextRevocation) {
        return new CertificateRecord(serial, issuer, profile, agency, requestId, requestFingerprint, subjectDn, commonName,
                email, next, notBefore, notAfter, der, nextRevocation, createdAt);
    }
}
