package org.civicca.api.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.civicca.api.config.CaHome;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams a backup as one zip laid out as {@code ca.home} is: {@code db/<database files>}, {@code keystore/ca.p12}
 * (the PKCS#12 file as it is, encrypted under its password, which is never included), then {@code manifest.json}
 * with each file's size and SHA-256. The keystore is read after the database snapshot was taken; as the service
 * writes a CA's key before it records the CA, every CA of the snapshot has its key in the archive.
 */
@Component
class BackupArchive {

    static final String KEYSTORE = "keystore/ca.p12";
    static final String DATABASE_FOLDER = "db/";

    private final CaHome home;
    private final JsonMapper json;

    BackupArchive(CaHome home, JsonMapper json) {
        this.home = home;
        this.json = json;
    }

    static String fileName(DatabaseSnapshot.Facts facts) {
        return "civicca-backup-" + facts.createdAt().replace(":", "").replace("-", "") + ".zip";
    }

    void write(DatabaseSnapshot snapshot, OutputStream out) throws IOException {
        List<BackupManifest.Part> parts = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Path file : snapshot.files()) {
                parts.add(copy(zip, DATABASE_FOLDER + file.getFileName(), file));
            }
            parts.add(copy(zip, KEYSTORE, home.keystore()));
            zip.putNextEntry(new ZipEntry(BackupManifest.NAME));
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest(snapshot.facts(), parts)));
            zip.closeEntry();
        }
    }

    private static BackupManifest manifest(DatabaseSnapshot.Facts facts, List<BackupManifest.Part> parts) {
        String version = BackupArchive.class.getPackage().getImplementationVersion();
        return new BackupManifest(BackupManifest.FORMAT, version == null ? "development build" : version, facts.createdAt(), "H2",
                facts.schemaVersion(), facts.auditSequence(), facts.authorities(), parts, BackupManifest.KEYSTORE_PASSWORD);
    }

    private static BackupManifest.Part copy(ZipOutputStream zip, String name, Path file) throws IOException {
        MessageDigest sha256 = sha256();
        long size = 0;
        zip.putNextEntry(new ZipEntry(name));
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
                zip.write(buffer, 0, n);
                size += n;
            }
        }
        zip.closeEntry();
        return new BackupManifest.Part(name, size, HexFormat.of().formatHex(sha256.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
