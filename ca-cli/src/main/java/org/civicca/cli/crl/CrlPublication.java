package org.civicca.cli.crl;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.civicca.cli.AtomicFiles;
import org.civicca.cli.client.CaClient;
import org.civicca.core.Providers;

/**
 * Fetches a CA's CRL and certificate, checks that the CRL is signed by that CA and does not go back in number
 * against the copy already published, then writes both atomically.
 */
final class CrlPublication {

    private final CaClient client;
    private final Path out;
    private final JcaContentVerifierProviderBuilder verifiers = new JcaContentVerifierProviderBuilder().setProvider(Providers.BC);

    CrlPublication(CaClient client, Path out) {
        this.client = client;
        this.out = out;
    }

    Published publish(String ca) {
        byte[] certificateDer = client.caCertificate(ca);
        byte[] crlDer = client.crl(ca);
        X509CertificateHolder certificate = certificate(certificateDer);
        X509CRLHolder crl = crl(crlDer);
        verify(ca, certificate, crl);
        BigInteger number = number(crl);
        Path crlFile = out.resolve(ca + ".crl");
        if (Files.exists(crlFile)) {
            BigInteger held = number(crl(read(crlFile)));
            if (number.compareTo(held) < 0) {
                throw new RefusedException("CRL #" + number + " is older than #" + held + " already in " + out + "; kept the newer one");
            }
        }
        AtomicFiles.write(out.resolve(ca + ".crt"), certificateDer, AtomicFiles.READABLE);
        AtomicFiles.write(crlFile, crlDer, AtomicFiles.READABLE);
        return new Published(number, crl.getNextUpdate().toInstant());
    }

    private void verify(String ca, X509CertificateHolder certificate, X509CRLHolder crl) {
        try {
            if (!crl.getIssuer().equals(certificate.getSubject()) || !crl.isSignatureValid(verifiers.build(certificate))) {
                throw new RefusedException("the CRL served for " + ca + " is not signed by its CA certificate; nothing written");
            }
        } catch (OperatorCreationException | CertException | CertificateException e) {
            throw new RefusedException("the CRL served for " + ca + " cannot be verified; nothing written");
        }
    }

    private static BigInteger number(X509CRLHolder crl) {
        Extension extension = crl.getExtension(Extension.cRLNumber);
        if (extension == null) {
            throw new RefusedException("the CRL has no CRL number");
        }
        return ASN1Integer.getInstance(extension.getParsedValue()).getValue();
    }

    private static X509CertificateHolder certificate(byte[] der) {
        try {
            return new X509CertificateHolder(der);
        } catch (IOException | RuntimeException e) {
            throw new RefusedException("the CA certificate served is not DER X.509");
        }
    }

    private static X509CRLHolder crl(byte[] der) {
        try {
            return new X509CRLHolder(der);
        } catch (IOException | RuntimeException e) {
            throw new RefusedException("the CRL is not DER X.509");
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RefusedException("cannot read " + file);
        }
    }

    record Published(BigInteger number, Instant nextUpdate) {
    }

    /** The CRL may not be published; the folder keeps what it had. */
    static final class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message);
        }
    }
}
