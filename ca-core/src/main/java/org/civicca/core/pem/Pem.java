package org.civicca.core.pem;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/** The only place that reads and writes PEM. */
public final class Pem {

    private Pem() {
    }

    public static String certificate(X509CertificateHolder certificate) {
        return write(List.of(new PemObject("CERTIFICATE", encoded(certificate))));
    }

    /** The certificate followed by its issuers, leaf first (RFC 8555 application/pem-certificate-chain order). */
    public static String chain(List<X509CertificateHolder> chain) {
        return write(chain.stream().map(c -> new PemObject("CERTIFICATE", encoded(c))).toList());
    }

    public static String crl(X509CRLHolder crl) {
        try {
            return write(List.of(new PemObject("X509 CRL", crl.getEncoded())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the first PEM block of the text (type and raw content), or null when there is none. */
    public static PemObject readFirst(String text) throws IOException {
        try (PemReader reader = new PemReader(new StringReader(text))) {
            return reader.readPemObject();
        }
    }

    /** Whether the text contains a PEM armour line at all. */
    public static boolean looksLikePem(String text) {
        return text.contains("-----BEGIN ");
    }

    private static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(List<PemObject> objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (PemObject object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
