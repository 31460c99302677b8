package org.civicca.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Function;

/**
 * Writes files so that a reader, or a rerun after a crash, sees the old file or the whole new one, never a part:
 * a temporary file beside the target, flushed to disk, then renamed over it.
 */
public final class AtomicFiles {

    public static final String OWNER_ONLY = "rw-------";
    public static final String READABLE = "rw-r--r--";

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content, String permissions) {
        write(target, permissions, temporary -> {
            try {
                Files.write(temporary, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target, e);
            }
        });
    }

    /**
     * Lets {@code fill} write the temporary file (created empty with these permissions; keep them: open it with
     * WRITE and TRUNCATE_EXISTING), then flushes it to disk and renames it over {@code target}. If {@code fill}
     * throws, the target is untouched and the temporary file is removed. Returns what {@code fill} returned.
     */
    public static <T> T write(Path target, String permissions, Function<Path, T> fill) {
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)));
            try {
                T result = fill.apply(temporary);
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return result;
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
