package org.civicca.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** An owner-only file kept open for appending lines, each flushed to disk or not as its writer needs. */
public final class AppendOnlyFile implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;

    private AppendOnlyFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Created owner-only if missing. */
    public static AppendOnlyFile open(Path path) {
        try {
            return new AppendOnlyFile(path, FileChannel.open(path,
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(AtomicFiles.OWNER_ONLY))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path, e);
        }
    }

    public synchronized boolean isEmpty() {
        try {
            return channel.size() == 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + path, e);
        }
    }

    /** {@code durable}: on disk before this returns. */
    public synchronized void append(String text, boolean durable) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (durable) {
                flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + path, e);
        }
    }

    /** Whatever was appended so far is on disk. */
    public synchronized void flush() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush " + path, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + path, e);
        }
    }
}
