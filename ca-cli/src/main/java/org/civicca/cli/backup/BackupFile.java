package org.civicca.cli.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.civicca.cli.CliException;
import org.civicca.cli.CliMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backup archive as {@code POST /api/v1/backups} makes it: {@code db/<database files>}, {@code keystore/ca.p12} and
 * {@code manifest.json}, checked on opening (known format, only those paths, every entry listed) and file by file
 * against the manifest's sizes and SHA-256 digests as it is read. Failures are {@link CliException}s with the exit code
 * the caller chose: an input error for a file given to restore, a server error for a file just downloaded.
 */
final class BackupFile implements AutoCloseable {

    static final String FORMAT = "civicca-backup-1";
    static final String KEYSTORE = "keystore/ca.p12";
    private static final String MANIFEST = "manifest.json";
    private static final Pattern PART = Pattern.compile("db/[A-Za-z0-9][A-Za-z0-9._-]*|" + Pattern.quote(KEYSTORE));
    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    record Manifest(String format, String serviceVersion, String createdAt, String database, String schemaVersion, long auditSequence,
                    List<Authority> authorities, List<Part> files) {

        /** "vinhphuc-issuing 7, vinhphuc-root 2". */
        String crlNumbers() {
            return authorities.stream().map(a -> a.name() + " " + a.crlNumber()).collect(Collectors.joining(", "));
        }

        /** What the commands' --json output says of the backup, after the fields they put first. */
        Map<String, Object> describe(Map<String, Object> first) {
            Map<String, Object> document = new LinkedHashMap<>(first);
            document.put("createdAt", createdAt);
            document.put("schemaVersion", schemaVersion);
            document.put("auditSequence", auditSequence);
            document.put("authorities", authorities);
            return document;
        }
    }

    record Authority(String name, long crlNumber) {
    }

    record Part(String path, long size, String sha256) {
    }

    /** Where a file's content goes while it is checked. */
    interface Sink {
        OutputStream open(Part part) throws IOException;
    }

    private final Path path;
    private final ZipFile zip;
    private final Manifest manifest;
    private final int exitCode;

    private BackupFile(Path path, ZipFile zip, Manifest manifest, int exitCode) {
        this.path = path;
        this.zip = zip;
        this.manifest = manifest;
        this.exitCode = exitCode;
    }

    static BackupFile open(Path path, int exitCode) {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (NoSuchFileException e) {
            throw new CliException(exitCode, CliMessage.FILE_UNREADABLE, path);
        } catch (IOException e) {
            throw new CliException(exitCode, CliMessage.BACKUP_NOT_AN_ARCHIVE, path, "not a zip file");
        }
        try {
            return new BackupFile(path, zip, checked(path, zip, exitCode), exitCode);
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    Manifest manifest() {
        return manifest;
    }

    /** Reads every file, checking it against the manifest, into what {@code sink} opens for it. */
    void copyTo(Sink sink) {
        for (Part part : manifest.files()) {
            try (InputStream in = zip.getInputStream(zip.getEntry(part.path())); OutputStream out = sink.open(part)) {
                MessageDigest sha256 = sha256();
                long size = in.transferTo(new DigestOutputStream(out, sha256));
                if (size != part.size() || !HexFormat.of().formatHex(sha256.digest()).equalsIgnoreCase(part.sha256())) {
                    throw new CliException(exitCode, CliMessage.BACKUP_DAMAGED, path, part.path());
                }
            } catch (IOException e) {
                throw new CliException(exitCode, CliMessage.BACKUP_DAMAGED, path, part.path());
            }
        }
    }

    /** Reads and checks every file without keeping it. */
    void verify() {
        copyTo(part -> OutputStream.nullOutputStream());
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Manifest checked(Path path, ZipFile zip, int exitCode) {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new CliException(exitCode, CliMessage.BACKUP_NOT_AN_ARCHIVE, path, "no " + MANIFEST);
        }
        Manifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = JSON.readValue(in, Manifest.class);
        } catch (IOException | JacksonException e) {
            throw new CliException(exitCode, CliMessage.BACKUP_NOT_AN_ARCHIVE, path, MANIFEST + " cannot be read");
        }
        String problem = problem(manifest, zip);
        if (problem != null) {
            throw new CliException(exitCode, CliMessage.BACKUP_NOT_AN_ARCHIVE, path, problem);
        }
        return manifest;
    }

    /** What is wrong with the manifest or the entries beside it, or null. */
    private static String problem(Manifest manifest, ZipFile zip) {
        if (!FORMAT.equals(manifest.format())) {
            return "unknown format " + manifest.format();
        }
        if (manifest.files() == null || manifest.authorities() == null) {
            return MANIFEST + " lists no files";
        }
        Set<String> listed = new HashSet<>();
        for (Part part : manifest.files()) {
            if (part.path() == null || !PART.matcher(part.path()).matches() || !listed.add(part.path()) || zip.getEntry(part.path()) == null) {
                return "unexpected or missing file " + part.path();
            }
        }
        if (!listed.contains(KEYSTORE) || listed.stream().noneMatch(p -> p.startsWith("db/") && p.endsWith(".mv.db"))) {
            return "it lacks the keystore or the database";
        }
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (!entry.getName().equals(MANIFEST) && !listed.contains(entry.getName())) {
                return "unexpected entry " + entry.getName();
            }
        }
        return null;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // the refusal being thrown says more
        }
    }
}
