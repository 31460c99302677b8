package org.civicca.api.certificate;

import java.util.Optional;
import org.civicca.core.issue.IssuanceRequest;
import org.civicca.core.subject.SubjectFields;

/** {@code POST /api/v1/certificates}: a CSR (PEM or base64 DER) and the structured request it is for. */
public record CertificateRequestBody(String requestId, String profile, String agency, SubjectBody subject, String csr,
                                     Integer validityDays) {

    public record SubjectBody(String commonName, String email, String nationalId, String title, String unit, String taxCode) {
    }

    public IssuanceRequest toRequest() {
        SubjectFields fields = subject == null ? null
                : new SubjectFields(subject.commonName(), subject.email(), subject.nationalId(), subject.title(), subject.unit(),
                        subject.taxCode());
        return new IssuanceRequest(Optional.ofNullable(requestId), profile, agency, fields, csr, Optional.ofNullable(validityDays));
    }
}
