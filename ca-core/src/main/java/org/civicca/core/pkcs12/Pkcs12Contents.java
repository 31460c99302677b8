package org.civicca.core.pkcs12;

import java.security.PrivateKey;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * What a PKCS#12 file holds: the key, its chain (own certificate first, issuers after) and the key's friendly
 * name, which is null when a file from elsewhere has none.
 */
public record Pkcs12Contents(PrivateKey key, List<X509CertificateHolder> chain, String friendlyName) {

    public Pkcs12Contents {
        chain = List.copyOf(chain);
    }
}
