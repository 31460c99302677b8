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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.civicca.cli.AppendOnlyFile;
import org.civicca.cli.AtomicFiles;
import org.civicca.core.pem.Pem;
import org.civicca.core.pkcs12.Pbes2Key;

/**
 * The crash journal: before a row's CSR is sent, its key (encrypted under the journal's own random passphrase,
 * kept owner-only beside it) and its CSR are written here. A run that dies before the .p12 is written leaves the
 * entry; the next run resends the same CSR under the same requestId, receives the certificate already issued, and
 * drops the entry once the .p12 is on disk. Keys never leave the folder.
 * <p>
 * One append-only file, {@code journal.log}: a line {@code <name> <entry in Base64>} flushed to disk before the CSR
 * is sent, a line {@code <name> -} when the entry is dropped (not flushed: an entry that comes back after a crash is
 * dropped again for a finished row, and for a refused one it is a key nobody has a certificate for). A line cut short
 * by a crash is the last one and is ignored. The file is compacted when the journal opens and removed when a run
 * leaves nothing pending. Earlier versions wrote one {@code <name>.pending} file per entry; those are taken in.
 */
final class Journal implements AutoCloseable {

    private static final String LEGACY_SUFFIX = ".pending";
    private static final String DROPPED = "-";

    private final Path file;
    private final char[] passphrase;
    private final Pbes2Key entryKey;
    /** By {@link OutputFolder#safeName}: entry text (encrypted key PEM, then CSR PEM). */
    private final Map<String, String> entries;
    private final AppendOnlyFile log;

    private Journal(Path file, char[] passphrase, Map<String, String> entries, AppendOnlyFile log, SecureRandom random) {
        this.file = file;
        this.passphrase = passphrase;
        this.entries = entries;
        this.log = log;
        // Derived once per run: every entry is encrypted under the same passphrase, each with its own IV.
        this.entryKey = Pem.passphraseKey(passphrase, random);
    }

    static Journal open(Path folder, SecureRandom random) {
        Path directory = folder.resolve(".journal");
        try {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(AtomicFiles.OWNER_ONLY_FOLDER)));
            char[] passphrase = passphrase(directory.resolve("journal.key"), random);
            Path file = directory.resolve("journal.log");
            Map<String, String> entries = new ConcurrentHashMap<>();
            boolean existed = Files.exists(file);
            if (existed) {
                read(Files.readString(file, StandardCharsets.US_ASCII), entries);
            }
            List<Path> legacy = legacyEntries(directory);
            for (Path entry : legacy) {
                String name = entry.getFileName().toString();
                entries.putIfAbsent(name.substring(0, name.length() - LEGACY_SUFFIX.length()), Files.readString(entry, StandardCharsets.US_ASCII));
            }
            if (existed || !legacy.isEmpty()) {
                AtomicFiles.write(file, render(entries).getBytes(StandardCharsets.US_ASCII), AtomicFiles.OWNER_ONLY);
            }
            for (Path entry : legacy) {
                Files.delete(entry);
            }
            return new Journal(file, passphrase, entries, AppendOnlyFile.open(file), random);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the enrollment journal in " + directory, e);
        }
    }

    /** The journal's own random passphrase, made on first use. */
    private static char[] passphrase(Path keyFile, SecureRandom random) throws IOException {
        if (!Files.exists(keyFile)) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            AtomicFiles.write(keyFile, Base64.getEncoder().encode(secret), AtomicFiles.OWNER_ONLY);
        }
        return Files.readString(keyFile, StandardCharsets.US_ASCII).strip().toCharArray();
    }

    Optional<Pending> find(String requestId) {
        String text = entries.get(OutputFolder.safeName(requestId));
        if (text == null) {
            return Optional.empty();
        }
        int split = text.indexOf("-----BEGIN CERTIFICATE REQUEST-----");
        return Optional.of(new Pending(Pem.decryptPrivateKey(text.substring(0, split), passphrase), text.substring(split), Optional.empty()));
    }

    /** On disk by the next {@link #flush()}, which must come before the CSR is sent. */
    void record(String requestId, PrivateKey key, String csrPem, SecureRandom random) {
        String name = OutputFolder.safeName(requestId);
        String text = Pem.encryptedPrivateKey(key, entryKey, random) + csrPem;
        log.append(name + " " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII)) + "\n", false);
        entries.put(name, text);
    }

    /** Everything recorded so far is on disk: a row's entry, or a batch's, flushed once before it is sent. */
    void flush() {
        log.flush();
    }

    void drop(String requestId) {
        String name = OutputFolder.safeName(requestId);
        if (entries.remove(name) != null) {
            log.append(name + " " + DROPPED + "\n", false);
        }
    }

    /** Closes the log; removes it when nothing is pending. */
    @Override
    public void close() {
        log.close();
        try {
            if (entries.isEmpty()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the finished enrollment journal " + file, e);
        }
    }

    /** Applies the log's complete lines in order; anything else (a line cut short by a crash) is left out. */
    private static void read(String text, Map<String, String> entries) {
        int end = text.lastIndexOf('\n');
        for (String line : text.substring(0, end + 1).split("\n")) {
            String[] fields = line.split(" ");
            if (fields.length != 2) {
                continue;
            }
            if (fields[1].equals(DROPPED)) {
                entries.remove(fields[0]);
            } else {
                try {
                    entries.put(fields[0], new String(Base64.getDecoder().decode(fields[1]), StandardCharsets.US_ASCII));
                } catch (IllegalArgumentException e) {
                    // Not an entry this tool wrote whole.
                }
            }
        }
    }

    private static String render(Map<String, String> entries) {
        return entries.entrySet().stream()
                .map(e -> e.getKey() + " " + Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.US_ASCII)) + "\n")
                .collect(Collectors.joining());
    }

    private static List<Path> legacyEntries(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(LEGACY_SUFFIX)).toList();
        }
    }

    /** A key and CSR already sent, or about to be; the public key too when the pair was made by this run. */
    record Pending(PrivateKey key, String csrPem, Optional<PublicKey> madeWith) {
    }
}
