package org.civicca.cli.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.civicca.cli.AtomicFiles;
import org.civicca.cli.CliException;
import org.civicca.cli.CliMessage;
import org.civicca.cli.ExitCode;
import org.civicca.cli.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * Unpacks a backup into a fresh ca.home, offline, without opening the database or the keystore: the files land as the
 * service wrote them (the database as H2's own backup holds it), owner-only, each checked against the manifest, in a
 * folder beside DIR that is renamed to DIR only once everything is written and flushed.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Unpack a backup made by 'civicca backup' into a new ca.home DIR: the database and the CA keystore,",
                "each file checked against the archive's manifest. Offline: needs neither the server nor a token."},
        footer = {"", "DIR must not exist or must be empty. Then give the service the keystore password of that time (it is",
                "not in the backup) and start it with --ca.home=DIR.", "", "Example:",
                "  civicca restore --from civicca-backup-20250301T020000Z.zip --home /srv/civicca-restored"})
public final class RestoreCommand implements Callable<Integer> {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString(AtomicFiles.OWNER_ONLY_FOLDER);
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(AtomicFiles.OWNER_ONLY));

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "the backup (zip) to restore")
    Path from;

    @Option(names = "--home", required = true, paramLabel = "DIR", description = "the new ca.home: absent or empty")
    Path home;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path target = home.toAbsolutePath().normalize();
        requireFresh(target);
        BackupFile.Manifest manifest;
        try (BackupFile backup = BackupFile.open(from.toAbsolutePath(), ExitCode.USAGE)) {
            manifest = backup.manifest();
            unpack(backup, target);
        }
        Output output = new Output(spec);
        output.line(CliMessage.RESTORED, manifest.createdAt(), target, manifest.schemaVersion(), manifest.auditSequence(),
                manifest.crlNumbers());
        output.line(CliMessage.RESTORE_NEXT_PASSWORD, target.resolve("keystore").resolve("keystore.password"));
        output.line(CliMessage.RESTORE_NEXT_START, target);
        output.line(CliMessage.RESTORE_NEXT_TOKENS);
        output.document(manifest.describe(Map.of("home", target.toString())));
        return ExitCode.OK;
    }

    private static void requireFresh(Path target) {
        if (!Files.exists(target)) {
            return;
        }
        try (Stream<Path> entries = Files.list(target)) {
            if (entries.findAny().isPresent()) {
                throw CliException.usage(CliMessage.RESTORE_HOME_NOT_EMPTY, target);
            }
        } catch (IOException e) {
            throw CliException.usage(CliMessage.RESTORE_HOME_NOT_EMPTY, target);
        }
    }

    /** Writes into a folder beside the target, then renames it: DIR holds the whole backup or nothing of it. */
    private static void unpack(BackupFile backup, Path target) {
        Path staging = null;
        try {
            Files.createDirectories(target.getParent());
            staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".restoring-",
                    PosixFilePermissions.asFileAttribute(FOLDER));
            Path root = staging;
            backup.copyTo(part -> open(root.resolve(part.path())));
            Files.deleteIfExists(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, CliMessage.RESTORE_HOME_UNUSABLE, target, e.getClass().getSimpleName());
        } finally {
            delete(staging);
        }
    }

    /** A new owner-only file whose content is flushed to disk when it is closed. */
    private static OutputStream open(Path file) throws IOException {
        Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(FOLDER));
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OWNER_ONLY);
        return new FilterOutputStream(Channels.newOutputStream(channel)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                channel.force(true);
                super.close();
            }
        };
    }

    private static void delete(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + folder, e);
        }
    }
}
