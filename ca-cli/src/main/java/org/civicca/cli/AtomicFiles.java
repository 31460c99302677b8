package org.civicca.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Writes files so that a reader, or a rerun after a crash, sees the old file or the whole new one, never a part:
 * a temporary file beside the target ({@code .<name>.<random>.tmp}), flushed to disk, then renamed over it.
 */
public final class AtomicFiles {

    public static final String OWNER_ONLY = "rw-------";
    /** For the folders that hold owner-only files: others may not even list them. */
    public static final String OWNER_ONLY_FOLDER = "rwx------";
    public static final String READABLE = "rw-r--r--";

    private static final Set<StandardOpenOption> NEW_FILE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private AtomicFiles() {
    }

    /** One open of the temporary file for the whole write: an enrollment writes two such files a row. */
    public static void write(Path target, byte[] content, String permissions) {
        try {
            Temporary temporary = Temporary.beside(target, permissions);
            try {
                try (FileChannel channel = temporary.channel()) {
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                Files.move(temporary.path(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temporary.path());
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /**
     * Lets {@code fill} write the temporary file (created empty with these permissions; keep them: open it with
     * WRITE and TRUNCATE_EXISTING), then flushes it to disk and renames it over {@code target}. If {@code fill}
     * throws, the target is untouched and the temporary file is removed. Returns what {@code fill} returned.
     */
    public static <T> T write(Path target, String permissions, Function<Path, T> fill) {
        try {
            Temporary temporary = Temporary.beside(target, permissions);
            temporary.channel().close();
            try {
                T result = fill.apply(temporary.path());
                try (FileChannel channel = FileChannel.open(temporary.path(), StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.move(temporary.path(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return result;
            } finally {
                Files.deleteIfExists(temporary.path());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** A new empty file {@code .<name>.<random>.tmp} beside the target (its folder created if missing), open for writing. */
    private record Temporary(Path path, FileChannel channel) {

        static Temporary beside(Path target, String permissions) throws IOException {
            Path folder = target.toAbsolutePath().getParent();
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
            }
            FileAttribute<?> mode = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
            while (true) {
                Path path = folder.resolve("." + target.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                        + ".tmp");
                try {
                    return new Temporary(path, FileChannel.open(path, NEW_FILE, mode));
                } catch (FileAlreadyExistsException e) {
                    // Another writer's name: draw again.
                }
            }
        }
    }
}
