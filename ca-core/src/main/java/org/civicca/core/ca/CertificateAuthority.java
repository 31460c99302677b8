package org.civicca.core.ca;

import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.civicca.core.EncodedTime;
import org.civicca.core.sign.CaSigner;

/** A CA ready to sign: its definition, its signer and its chain, own certificate first, root last. */
public record CertificateAuthority(CaDefinition definition, CaSigner signer, List<X509CertificateHolder> chain) {

    public CertificateAuthority {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("CA " + definition.name() + " has no certificate");
        }
        if (!chain.get(0).getSubjectPublicKeyInfo().equals(signer.publicKey())) {
            throw new IllegalArgumentException("CA " + definition.name() + ": key does not match its certificate");
        }
    }

    public String name() {
        return definition.name();
    }

    public X509CertificateHolder certificate() {
        return chain.get(0);
    }

    public X500Name subject() {
        return certificate().getSubject();
    }

    public Instant notBefore() {
        return EncodedTime.instant(certificate().toASN1Structure().getStartDate());
    }

    public Instant notAfter() {
        return EncodedTime.instant(certificate().toASN1Structure().getEndDate());
    }
}
