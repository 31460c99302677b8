package org.civicca.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the packaged jars and the JVM are. */
final class Jars {

    private Jars() {
    }

    static Path path(String property) {
        String value = System.getProperty(property);
        Path jar = Path.of(value == null ? "" : value).toAbsolutePath().normalize();
        if (value == null || !Files.isRegularFile(jar)) {
            throw new IllegalStateException(property + " (" + jar + ") is missing: run ./mvnw verify from the repository root, "
                    + "which packages ca-api and ca-cli before these tests");
        }
        return jar;
    }

    /** The repository's config/ folder, the default configuration the service starts with. */
    static Path config() {
        return Path.of(System.getProperty("civicca.config")).toAbsolutePath().normalize();
    }

    /** The repository's root: where bin/ is, and config/ (which the scripts there run beside). */
    static Path repository() {
        return config().getParent();
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
