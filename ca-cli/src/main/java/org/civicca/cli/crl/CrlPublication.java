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
import org.civicca.cli.CliException;
import org.civicca.cli.CliMessage;
import org.civicca.cli.ExitCode;
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
                throw new RefusedException(CliMessage.CRL_OLDER, number, held, out);
            }
        }
        AtomicFiles.write(out.resolve(ca + ".crt"), certificateDer, AtomicFiles.READABLE);
        AtomicFiles.write(crlFile, crlDer, AtomicFiles.READABLE);
        return new Published(number, crl.getNextUpdate().toInstant());
    }

    private void verify(String ca, X509CertificateHolder certificate, X509CRLHolder crl) {
        try {
            if (!crl.getIssuer().equals(certificate.getSubject()) || !crl.isSignatureValid(verifiers.build(certificate))) {
                throw new RefusedException(CliMessage.CRL_NOT_SIGNED_BY_CA, ca);
            }
        } catch (OperatorCreationException | CertException | CertificateException e) {
            throw new RefusedException(CliMessage.CRL_UNVERIFIABLE, ca);
        }
    }

    private static BigInteger number(X509CRLHolder crl) {
        Extension extension = crl.getExtension(Extension.cRLNumber);
        if (extension == null) {
            throw new RefusedException(CliMessage.CRL_WITHOUT_NUMBER);
        }
        return ASN1Integer.getInstance(extension.getParsedValue()).getValue();
    }

    private static X509CertificateHolder certificate(byte[] der) {
        try {
            return new X509CertificateHolder(der);
        } catch (IOException | RuntimeException e) {
            throw new RefusedException(CliMessage.CA_CERTIFICATE_NOT_DER);
        }
    }

    private static X509CRLHolder crl(byte[] der) {
        try {
            return new X509CRLHolder(der);
        } catch (IOException | RuntimeException e) {
            throw new RefusedException(CliMessage.CRL_NOT_DER);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RefusedException(CliMessage.FILE_UNREADABLE, file);
        }
    }

    record Published(BigInteger number, Instant nextUpdate) {
    }

    /** The CRL may not be published; the folder keeps what it had. */
    static final class RefusedException extends CliException {
        RefusedException(CliMessage message, Object... args) {
            super(ExitCode.SOME_FAILED, message, args);
        }
    }
}
