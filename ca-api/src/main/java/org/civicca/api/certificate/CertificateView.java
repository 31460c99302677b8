package org.civicca.api.certificate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.civicca.core.revoke.CertificateStatus;

/** A certificate as the API shows it. {@code chainPem} is left out of lists; {@code revocation} when not revoked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CertificateView(String serial, CertificateStatus status, String issuer, String profile, String agency, String requestId,
                              String subjectDn, String commonName, String email, Instant notBefore, Instant notAfter,
                              String certificatePem, String chainPem, RevocationView revocation) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RevocationView(String reason, Instant revokedAt, Instant invalidityDate) {
    }
}
