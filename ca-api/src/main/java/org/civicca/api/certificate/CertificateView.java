package org.civicca.api.certificate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.civicca.core.revoke.CertificateStatus;
import tools.jackson.databind.annotation.JsonSerialize;

/** A certificate as the API shows it. {@code chainPem} is left out of lists; {@code revocation} when not revoked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CertificateView(String serial, CertificateStatus status, String issuer, String profile, String agency, String requestId,
                              String subjectDn, String commonName, String email, Instant notBefore, Instant notAfter,
                              @JsonSerialize(using = PemJson.class) String certificatePem,
                              @JsonSerialize(using = PemJson.class) String chainPem, RevocationView revocation) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RevocationView(String reason, Instant revokedAt, Instant invalidityDate) {
    }
}
