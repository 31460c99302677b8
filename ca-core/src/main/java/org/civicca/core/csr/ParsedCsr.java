package org.civicca.core.csr;

import java.util.Arrays;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.civicca.core.key.KeyAlgorithm;

/** A CSR whose structure, key and proof of possession have been checked. */
public record ParsedCsr(PKCS10CertificationRequest request, KeyAlgorithm keyAlgorithm, byte[] der) {

    public ParsedCsr {
        der = der.clone();
    }

    public SubjectPublicKeyInfo publicKey() {
        return request.getSubjectPublicKeyInfo();
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParsedCsr that && Arrays.equals(der, that.der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }
}
