package org.civicca.cli.enroll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.civicca.cli.AtomicFiles;
import org.civicca.core.pem.Pem;
import org.civicca.core.pkcs12.Pbes2Key;

/**
 * The crash journal: before a row's CSR is sent, its key (encrypted under the journal's own random passphrase,
 * kept owner-only beside it) and its CSR are written here. A run that dies before the .p12 is written leaves the
 * entry; the next run resends the same CSR under the same requestId, receives the certificate already issued, and
 * drops the entry once the .p12 is on disk. Keys never leave the folder.
 */
final class Journal {

    private final Path directory;
    private final char[] passphrase;
    private final Pbes2Key entryKey;

    private Journal(Path directory, char[] passphrase, SecureRandom random) {
        this.directory = directory;
        this.passphrase = passphrase;
        // Derived once per run: every entry is encrypted under the same passphrase, each with its own IV.
        this.entryKey = Pem.passphraseKey(passphrase, random);
    }

    static Journal open(Path folder, SecureRandom random) {
        Path directory = folder.resolve(".journal");
        try {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path keyFile = directory.resolve("journal.key");
            if (!Files.exists(keyFile)) {
                byte[] secret = new byte[32];
                random.nextBytes(secret);
                AtomicFiles.write(keyFile, Base64.getEncoder().encode(secret), AtomicFiles.OWNER_ONLY);
            }
            return new Journal(directory, Files.readString(keyFile, StandardCharsets.US_ASCII).strip().toCharArray(), random);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the enrollment journal in " + directory, e);
        }
    }

    Optional<Pending> find(String requestId) {
        Path entry = entry(requestId);
        if (!Files.exists(entry)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(entry, StandardCharsets.US_ASCII);
            int split = text.indexOf("-----BEGIN CERTIFICATE REQUEST-----");
            return Optional.of(new Pending(Pem.decryptPrivateKey(text.substring(0, split), passphrase), text.substring(split), Optional.empty()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal entry " + entry, e);
        }
    }

    void record(String requestId, PrivateKey key, String csrPem, SecureRandom random) {
        String text = Pem.encryptedPrivateKey(key, entryKey, random) + csrPem;
        AtomicFiles.write(entry(requestId), text.getBytes(StandardCharsets.US_ASCII), AtomicFiles.OWNER_ONLY);
    }

    void drop(String requestId) {
        try {
            Files.deleteIfExists(entry(requestId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove journal entry for " + requestId, e);
        }
    }

    private Path entry(String requestId) {
        return directory.resolve(OutputFolder.safeName(requestId) + ".pending");
    }

    /** A key and CSR already sent, or about to be; the public key too when the pair was made by this run. */
    record Pending(PrivateKey key, String csrPem, Optional<PublicKey> madeWith) {
    }
}
