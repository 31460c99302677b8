package org.civicca.cli.enroll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.civicca.cli.AppendOnlyFile;
import org.civicca.cli.AtomicFiles;
import org.civicca.cli.CliException;
import org.civicca.cli.CliMessage;
import org.civicca.cli.csv.CsvLine;
import org.civicca.cli.csv.CsvTable;

/**
 * The enrollment folder: {@code <agency>/<request_id>.p12}, {@code manifest.csv}, {@code passwords.csv},
 * {@code failed.csv} and the crash journal. Owner-only throughout. One enroll at a time holds its lock.
 * Lines are appended and flushed to disk before the next step, in this order: password, .p12 (atomic), manifest.
 */
final class OutputFolder implements AutoCloseable {

    static final List<String> MANIFEST_COLUMNS = List.of("request_id", "serial", "file", "not_after", "status");

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<String, String> passwords = new HashMap<>();
    private final Map<String, String> manifest = new HashMap<>();
    private final Map<Path, AppendOnlyFile> appending = new HashMap<>();

    private OutputFolder(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static OutputFolder open(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(AtomicFiles.OWNER_ONLY_FOLDER)));
            Path lockFile = root.resolve(".lock");
            if (!Files.exists(lockFile)) {
                Files.createFile(lockFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(AtomicFiles.OWNER_ONLY)));
            }
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw CliException.usage(CliMessage.FOLDER_BUSY, root);
            }
            OutputFolder folder = new OutputFolder(root, channel, lock);
            folder.removeLeftoverTemporaryFiles();
            folder.load();
            return folder;
        } catch (IOException e) {
            throw CliException.usage(CliMessage.FOLDER_UNUSABLE, root, e.getClass().getSimpleName());
        }
    }

    /** Null when another process, or another enroll in this one, holds the folder. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    Path root() {
        return root;
    }

    boolean isDone(String requestId) {
        return manifest.containsKey(requestId);
    }

    String fileOf(String requestId) {
        return manifest.get(requestId);
    }

    /** The password this row's .p12 has (or will have): kept from an interrupted run, so a rerun never needs a second one. */
    synchronized String passwordFor(String requestId, Supplier<String> fresh) {
        String existing = passwords.get(requestId);
        if (existing != null) {
            return existing;
        }
        String password = fresh.get();
        append(root.resolve("passwords.csv"), List.of("request_id", "password"), CsvLine.of(requestId, password));
        passwords.put(requestId, password);
        return password;
    }

    synchronized void recordDone(String requestId, String serial, String file, String notAfter, String status) {
        append(root.resolve("manifest.csv"), MANIFEST_COLUMNS, CsvLine.of(requestId, serial, file, notAfter, status));
        manifest.put(requestId, file);
    }

    /** Where a row's .p12 goes: inside the folder (its agency's subfolder, owner-only), whatever the request id holds. */
    Path p12(String agency, String requestId) {
        Path file = root.resolve(agency).resolve(safeName(requestId) + ".p12").normalize();
        if (!file.startsWith(root) || !file.getParent().getParent().equals(root)) {
            throw new IllegalStateException("refusing to write outside " + root);
        }
        try {
            if (!Files.isDirectory(file.getParent())) {
                Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(AtomicFiles.OWNER_ONLY_FOLDER)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
        return file;
    }

    void writeFailed(List<Refusal> refusals) {
        StringBuilder text = new StringBuilder(CsvLine.of("line", "request_id", "field", "reason"));
        refusals.forEach(r -> text.append(CsvLine.of(String.valueOf(r.line()), r.requestId(), r.field(), r.reason())));
        AtomicFiles.write(root.resolve("failed.csv"), text.toString().getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_ONLY);
    }

    /** Letters, digits, '.', '_' and '-' only; a name that had to change gets a digest suffix so no two collide. */
    static String safeName(String requestId) {
        String safe = requestId.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
        if (safe.equals(requestId)) {
            return safe;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(requestId.getBytes(StandardCharsets.UTF_8));
            return safe + "-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A run killed while writing leaves temporary files; with the lock held, none of them is anybody's any more. */
    private void removeLeftoverTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root, 3)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("\\..+\\.tmp")).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private void load() {
        Path manifestFile = root.resolve("manifest.csv");
        if (Files.exists(manifestFile)) {
            CsvTable.read(manifestFile, MANIFEST_COLUMNS).rows().forEach(r -> manifest.put(r.get("request_id"), r.get("file")));
        }
        Path passwordFile = root.resolve("passwords.csv");
        if (Files.exists(passwordFile)) {
            CsvTable.read(passwordFile, List.of("request_id", "password")).rows()
                    .forEach(r -> passwords.put(r.get("request_id"), r.get("password")));
        }
    }

    /** Callers hold this folder's monitor. The file stays open for the run: an enrollment appends two lines a row. */
    private void append(Path file, List<String> header, String line) {
        AppendOnlyFile csv = appending.get(file);
        if (csv == null) {
            csv = AppendOnlyFile.open(file);
            appending.put(file, csv);
            if (csv.isEmpty()) {
                csv.append(CsvLine.of(header), false);
            }
        }
        csv.append(line, true);
    }

    @Override
    public synchronized void close() {
        try {
            appending.values().forEach(AppendOnlyFile::close);
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
