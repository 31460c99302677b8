package org.civicca.core.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.cert.X509CertificateHolder;
import org.civicca.core.TestPki;

/**
 * One case's certificates and CRLs on disk, in the forms the tools read: PEM and DER certificates, PEM and DER
 * CRLs, {@code crls.pem} with both CRLs, and {@code good-chain.pem} / {@code revoked-chain.pem} (leaf, issuing, root).
 */
record PkiFiles(Path directory) {

    static PkiFiles write(Emitted emitted, Path directory) {
        PkiFiles files = new PkiFiles(directory);
        try {
            files.certificate("root", emitted.root());
            files.certificate("issuing", emitted.issuing());
            files.certificate("good", emitted.good());
            files.certificate("revoked", emitted.revoked());
            files.crl("root-crl", emitted.rootCrl().getEncoded());
            files.crl("issuing-crl", emitted.issuingCrl().getEncoded());
            files.concatenate("crls.pem", "issuing-crl.pem", "root-crl.pem");
            files.concatenate("good-chain.pem", "good.pem", "issuing.pem", "root.pem");
            files.concatenate("revoked-chain.pem", "revoked.pem", "issuing.pem", "root.pem");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The path of a file written here, as the tools get it. */
    String path(String name) {
        return directory.resolve(name).toString();
    }

    private void certificate(String name, X509CertificateHolder certificate) throws IOException {
        Files.write(directory.resolve(name + ".der"), certificate.getEncoded());
        Files.writeString(directory.resolve(name + ".pem"), TestPki.pem("CERTIFICATE", certificate.getEncoded()), StandardCharsets.US_ASCII);
    }

    private void crl(String name, byte[] der) throws IOException {
        Files.write(directory.resolve(name + ".crl"), der);
        Files.writeString(directory.resolve(name + ".pem"), TestPki.pem("X509 CRL", der), StandardCharsets.US_ASCII);
    }

    private void concatenate(String target, String... parts) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            text.append(Files.readString(directory.resolve(part), StandardCharsets.US_ASCII));
        }
        Files.writeString(directory.resolve(target), text, StandardCharsets.US_ASCII);
    }
}
