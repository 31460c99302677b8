package org.civicca.core.csr;

import java.security.KeyPair;
import java.security.Provider;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.civicca.core.Providers;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.key.PublicKeyPolicy;
import org.civicca.core.pem.Pem;

/**
 * Makes the PKCS#10 request for a key generated on the administrator's machine, so that only the public key
 * and the proof of possession travel to the CA. The CA takes the subject from the structured request, never
 * from the CSR, so the CSR subject is a placeholder.
 */
public final class CsrBuilder {

    /** The subject used when the caller has none: the CA ignores it. */
    public static final X500Name PLACEHOLDER_SUBJECT = new X500Name("CN=CivicCA subscriber");

    private CsrBuilder() {
    }

    public static PKCS10CertificationRequest build(KeyPair keys, KeyAlgorithm algorithm) {
        return build(keys, algorithm, PLACEHOLDER_SUBJECT);
    }

    /** Signs with the algorithm's own signature algorithm; refuses keys of another type than {@code algorithm}. */
    public static PKCS10CertificationRequest build(KeyPair keys, KeyAlgorithm algorithm, X500Name subject) {
        return build(keys, algorithm, subject, Providers.BC);
    }

    /** As {@link #build(KeyPair, KeyAlgorithm)}, signed by {@code provider}, or by Bouncy Castle where it cannot. */
    public static PKCS10CertificationRequest build(KeyPair keys, KeyAlgorithm algorithm, Provider provider) {
        return build(keys, algorithm, PLACEHOLDER_SUBJECT, provider);
    }

    private static PKCS10CertificationRequest build(KeyPair keys, KeyAlgorithm algorithm, X500Name subject, Provider provider) {
        KeyAlgorithm actual = PublicKeyPolicy.classify(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
        if (actual != algorithm) {
            throw new IllegalArgumentException("key pair is " + actual + ", not " + algorithm);
        }
        JcaPKCS10CertificationRequestBuilder request = new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic());
        if (provider != Providers.BC) {
            try {
                return request.build(signer(keys, algorithm, provider));
            } catch (OperatorCreationException | RuntimeException notThere) {
                // Bouncy Castle below.
            }
        }
        try {
            return request.build(signer(keys, algorithm, Providers.BC));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign a " + algorithm + " certificate request", e);
        }
    }

    private static ContentSigner signer(KeyPair keys, KeyAlgorithm algorithm, Provider provider) throws OperatorCreationException {
        return new JcaContentSignerBuilder(algorithm.signatureAlgorithm()).setProvider(provider).build(keys.getPrivate());
    }

    /** The request as "CERTIFICATE REQUEST" PEM, the form the CA's API accepts. */
    public static String pem(PKCS10CertificationRequest request) {
        return Pem.certificateRequest(request);
    }
}
