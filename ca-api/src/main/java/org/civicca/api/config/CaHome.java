package org.civicca.api.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The files under {@code ca.home}: database, CA keystore, its generated password, the first admin token. */
public record CaHome(Path root) {

    public static CaHome create(String home) {
        Path root = Path.of(home == null || home.isBlank() ? "./data" : home).toAbsolutePath().normalize();
        try {
            if (!Files.isDirectory(root)) {
                Files.createDirectories(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create ca.home " + root, e);
        }
        return new CaHome(root);
    }

    public Path keystore() {
        return root.resolve("keystore").resolve("ca.p12");
    }

    public Path generatedKeystorePassword() {
        return root.resolve("keystore").resolve("keystore.password");
    }

    public Path adminTokenFile() {
        return root.resolve("admin.token");
    }
}
