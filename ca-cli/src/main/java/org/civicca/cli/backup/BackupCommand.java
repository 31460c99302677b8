package org.civicca.cli.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.civicca.cli.AtomicFiles;
import org.civicca.cli.CivicCaCommand;
import org.civicca.cli.CliMessage;
import org.civicca.cli.ExitCode;
import org.civicca.cli.Output;
import org.civicca.cli.client.CaClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** Saves an online backup of the service into one owner-only file, written atomically and checked before it lands. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Have the service make a consistent backup of its database and CA keystore while it keeps working, and",
                "save it to FILE (owner-only, written atomically, each part checked against the archive's manifest). Admins only."},
        footer = {"", "The CA keystore password is not in the backup: keep it apart. 'civicca restore' unpacks the file into a",
                "fresh ca.home. A backup is a point in time: what is issued after it is not in it.", "", "Example:",
                "  civicca backup --out /srv/backups/civicca-$(date +%F).zip"})
public final class BackupCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the backup (zip)")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CaClient client = CivicCaCommand.global(spec).client();
        Path target = out.toAbsolutePath().normalize();
        BackupFile.Manifest manifest = AtomicFiles.write(target, AtomicFiles.OWNER_ONLY, temporary -> {
            client.backup(temporary);
            try (BackupFile backup = BackupFile.open(temporary, ExitCode.SERVER)) {
                backup.verify();
                return backup.manifest();
            }
        });
        Output output = new Output(spec);
        long size = size(target);
        output.line(CliMessage.BACKUP_WRITTEN, manifest.createdAt(), target, size, manifest.schemaVersion(), manifest.auditSequence(),
                manifest.crlNumbers());
        output.line(CliMessage.BACKUP_NO_PASSWORD);
        output.document(manifest.describe(Map.of("file", target.toString(), "bytes", size)));
        return ExitCode.OK;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
