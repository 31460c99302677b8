package org.civicca.api;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.civicca.core.Providers;
import org.civicca.core.key.KeyAlgorithm;

/** Fresh subscriber keys and their CSRs, made the way a client would. */
public final class TestCsrs {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestCsrs() {
    }

    public static KeyPair keyPair(KeyAlgorithm algorithm) {
        return algorithm.generate(RANDOM);
    }

    public static String csrPem(KeyAlgorithm algorithm) {
        return csrPem(keyPair(algorithm), algorithm);
    }

    public static String csrPem(KeyPair keys, KeyAlgorithm algorithm) {
        return pem(csr(keys, algorithm.signatureAlgorithm()));
    }

    public static PKCS10CertificationRequest csr(KeyPair keys, String signatureAlgorithm) {
        return csr(new X500Name("CN=ignored by the CA"), keys, signatureAlgorithm);
    }

    /** A valid CSR whose subject says {@code subject}. */
    public static PKCS10CertificationRequest csr(X500Name subject, KeyPair keys, String signatureAlgorithm) {
        try {
            return new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
                    .build(new JcaContentSignerBuilder(signatureAlgorithm).setProvider(Providers.BC).build(keys.getPrivate()));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
