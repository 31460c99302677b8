package org.civicca.api.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A transactionally consistent copy of the embedded database, taken while the service runs, in a folder of its own
 * (owner-only, inside {@code ca.home}) that {@link #close()} removes. Its facts are read from the copy itself.
 */
record DatabaseSnapshot(Path folder, List<Path> files, Facts facts) implements AutoCloseable {

    /** When it was taken, and what the copy holds: schema version, head of its audit chain, each CA's newest CRL number. */
    record Facts(String createdAt, String schemaVersion, long auditSequence, List<BackupManifest.Authority> authorities) {
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the snapshot folder " + folder, e);
        }
    }
}
