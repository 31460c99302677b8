package org.civicca.core;

/**
 * Every way a CA operation can be refused. The slug is stable: it ends the problem {@code type} URI
 * that relying scripts match on, so it never changes once published.
 */
public enum ErrorCode {
    MALFORMED_REQUEST("malformed-request"),
    INVALID_FIELD("invalid-field"),
    BAD_CSR("bad-csr"),
    CSR_SIGNATURE_INVALID("csr-signature-invalid"),
    WEAK_KEY("weak-key"),
    UNSUPPORTED_KEY("unsupported-key"),
    POLICY_VIOLATION("policy-violation"),
    VALIDITY_NOT_ALLOWED("validity-not-allowed"),
    UNKNOWN_PROFILE("unknown-profile"),
    UNKNOWN_AGENCY("unknown-agency"),
    AGENCY_NOT_FOUND("agency-not-found"),
    UNKNOWN_CA("unknown-ca"),
    UNKNOWN_CERTIFICATE("unknown-certificate"),
    AGENCY_EXISTS("agency-exists"),
    ACCOUNT_EXISTS("account-exists"),
    UNKNOWN_ACCOUNT("unknown-account"),
    UNKNOWN_TOKEN("unknown-token"),
    UNKNOWN_REQUEST("unknown-request"),
    REQUEST_DECIDED("request-decided"),
    FORBIDDEN("forbidden"),
    UNAUTHENTICATED("unauthorized"),
    REQUEST_ID_CONFLICT("request-id-conflict"),
    ALREADY_REVOKED("already-revoked"),
    NOT_ON_HOLD("not-on-hold"),
    CERTIFICATE_EXPIRED("certificate-expired"),
    CA_CONFIGURATION("ca-configuration"),
    CA_UNAVAILABLE("ca-unavailable"),
    BACKUP_UNSUPPORTED("backup-unsupported"),
    SELF_CHECK_FAILED("self-check-failed");

    private final String slug;

    ErrorCode(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
