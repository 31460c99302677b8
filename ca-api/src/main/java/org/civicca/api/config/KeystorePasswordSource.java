package org.civicca.api.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * The CA keystore password, from (in order) the environment variable {@code CA_KEYSTORE_PASSWORD}, the file named
 * by {@code ca.keystore-password-file}, or a password generated once and kept in {@code ca.home} (owner-only),
 * with a warning at every start. Never from YAML in clear. A password is generated only for a keystore yet to be made.
 */
final class KeystorePasswordSource {

    static final String ENVIRONMENT_VARIABLE = "CA_KEYSTORE_PASSWORD";
    static final String FILE_PROPERTY = "ca.keystore-password-file";
    private static final Logger log = LoggerFactory.getLogger(KeystorePasswordSource.class);

    private KeystorePasswordSource() {
    }

    static char[] resolve(Environment environment, CaProperties properties, CaHome home, SecureRandom random) {
        String fromEnvironment = environment.getProperty(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        if (properties.keystorePasswordFile() != null && !properties.keystorePasswordFile().isBlank()) {
            return read(Path.of(properties.keystorePasswordFile()));
        }
        Path generated = home.generatedKeystorePassword();
        if (!Files.exists(generated)) {
            if (Files.exists(home.keystore())) {
                // A new password would never open the keystore there, e.g. one restored from a backup without its password.
                throw new IllegalStateException("the CA keystore " + home.keystore() + " exists but no password for it was given: set "
                        + ENVIRONMENT_VARIABLE + " or " + FILE_PROPERTY + ", or put it in " + generated + " (owner-only)");
            }
            write(generated, random);
        }
        log.warn("The CA keystore secret is kept beside the keystore in {}. Set {} or {} to keep it elsewhere.",
                generated, ENVIRONMENT_VARIABLE, FILE_PROPERTY);
        return read(generated);
    }

    private static char[] read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new IllegalStateException("keystore password file " + file + " is empty");
            }
            return text.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read keystore password file " + file, e);
        }
    }

    /**
     * Writes a fresh secret to a temporary file and links it into place: nodes sharing ca.home and starting together
     * all end up with the one secret that was linked first, and none ever reads a half-written file.
     */
    private static void write(Path file, SecureRandom random) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        try {
            Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(temporary, Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n",
                        StandardCharsets.US_ASCII, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException e) {
                // another node linked its secret first: that one is used
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write generated keystore password " + file, e);
        }
    }
}
