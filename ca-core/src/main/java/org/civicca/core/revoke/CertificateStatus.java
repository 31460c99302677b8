package org.civicca.core.revoke;

/** The life of a certificate. EXPIRED is derived from notAfter, never stored. */
public enum CertificateStatus {
    ISSUED,
    REVOKED,
    ON_HOLD,
    EXPIRED
}
