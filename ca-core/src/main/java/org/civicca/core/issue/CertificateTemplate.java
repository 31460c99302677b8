package org.civicca.core.issue;

import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** Everything a certificate will say except the serial and the signature: the output of the grant stage. */
public record CertificateTemplate(X500Name subject, SubjectPublicKeyInfo publicKey, Instant notBefore, Instant notAfter,
                                  List<Extension> extensions) {

    public CertificateTemplate {
        extensions = List.copyOf(extensions);
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter must follow notBefore");
        }
    }
}
