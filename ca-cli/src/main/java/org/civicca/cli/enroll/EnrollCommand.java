package org.civicca.cli.enroll;

import java.nio.file.Path;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.civicca.cli.CivicCaCommand;
import org.civicca.cli.CliException;
import org.civicca.cli.CliMessage;
import org.civicca.cli.ExitCode;
import org.civicca.cli.Output;
import org.civicca.cli.client.CaClient;
import org.civicca.cli.csv.CsvTable;
import org.civicca.core.CaException;
import org.civicca.core.Providers;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.sign.NativeProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** Enrolls a whole CSV: keys made here, certificates from the server, one .p12 per row. Rerunnable after any interruption. */
@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = {"Enroll every row of a CSV (request_id,profile,agency,common_name,email,national_id,title,unit,tax_code).",
                "Each row's key is generated here and never sent; DIR/<agency>/<request_id>.p12 holds key, certificate and chain",
                "under a fresh password listed in DIR/passwords.csv. DIR/manifest.csv lists what is done, DIR/failed.csv what was",
                "refused and why. Run it again after any interruption: finished rows are skipped and no row gets two certificates."},
        footer = {"", "Examples:", "  civicca enroll --csv ../shared/data/enrollment.csv --out province --dry-run",
                "  civicca enroll --csv ../shared/data/enrollment.csv --out province --key-algorithm EC-P256 --concurrency 8"})
public final class EnrollCommand implements Callable<Integer> {

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "enrollment CSV")
    Path csv;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created owner-only)")
    Path out;

    @Option(names = "--key-algorithm", paramLabel = "ALG", defaultValue = "EC-P256",
            description = "EC-P256, EC-P384, RSA-2048, RSA-3072, RSA-4096 or Ed25519 (default: ${DEFAULT-VALUE})")
    String keyAlgorithm;

    @Option(names = "--concurrency", paramLabel = "N", description = "batches in flight at once (default: cores × 4)")
    Integer concurrency;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "25",
            description = "rows sent in one request, 1 to 100 (default: ${DEFAULT-VALUE}); 1 sends each row alone")
    int batchSize;

    @Option(names = "--dry-run", description = "check every row and list the bad ones; send nothing")
    boolean dryRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        KeyAlgorithm algorithm = algorithm();
        // Loading the native library takes a third of a second: done while the rows are read and checked (not for a dry run).
        Optional<CompletableFuture<Provider>> keys = dryRun ? Optional.empty()
                : Optional.of(CompletableFuture.supplyAsync(EnrollCommand::keyProvider));
        int threads = concurrency == null ? Runtime.getRuntime().availableProcessors() * 4 : concurrency;
        if (threads < 1 || threads > 256) {
            throw CliException.usage(CliMessage.CONCURRENCY_RANGE);
        }
        if (batchSize < 1 || batchSize > 100) {
            throw CliException.usage(CliMessage.BATCH_SIZE_RANGE);
        }
        List<EnrollmentRow> rows = CsvTable.read(csv, EnrollmentRow.COLUMNS).rows().stream().map(EnrollmentRow::of).toList();
        Output output = new Output(spec);
        CaClient client = CivicCaCommand.global(spec).client();
        RowChecker.Result checked = new RowChecker(client.profiles(), client.agencies(), algorithm, output.language()).check(rows);
        checked.refused().forEach(r -> output.note(r.describe(csv.toString(), output.language())));
        if (dryRun) {
            output.line(CliMessage.DRY_RUN_SUMMARY, rows.size(), checked.good().size(), checked.refused().size());
            output.document(summary(rows.size(), checked.good().size(), 0, 0, checked.refused()));
            return checked.refused().isEmpty() ? ExitCode.OK : ExitCode.SOME_FAILED;
        }
        return enroll(rows.size(), checked, client, algorithm, keys.orElseThrow().join(), threads, output);
    }

    private int enroll(int rowCount, RowChecker.Result checked, CaClient client, KeyAlgorithm algorithm, Provider keys, int threads,
                       Output output) {
        SecureRandom random = new SecureRandom();
        try (OutputFolder folder = OutputFolder.open(out); Journal journal = Journal.open(folder.root(), random)) {
            RowEnroller rows = new RowEnroller(client, folder, journal, algorithm, keys, random);
            BatchEnroller enroller = new BatchEnroller(client, rows, journal, output.language());
            EnrollmentRun run = new EnrollmentRun(folder, journal, enroller, threads, batchSize, output.language());
            EnrollmentRun.Result result = run.execute(checked.good(), spec.commandLine().getErr(), System.console() != null);
            result.failed().forEach(r -> output.note(r.describe(csv.toString(), output.language())));
            List<Refusal> failed = new ArrayList<>(checked.refused());
            failed.addAll(result.failed());
            failed.sort((a, b) -> Integer.compare(a.line(), b.line()));
            folder.writeFailed(failed);
            output.line(CliMessage.ENROLL_SUMMARY, rowCount, result.issued(), result.recovered(), result.alreadyDone(), failed.size(),
                    failed.isEmpty() ? "" : output.text(CliMessage.ENROLL_SEE_FAILED, folder.root().resolve("failed.csv")),
                    String.format(Locale.ROOT, "%.1f", result.rate()));
            output.document(summary(rowCount, result.issued() + result.recovered(), result.alreadyDone(), result.rate(), failed));
            if (result.serverGone() != null) {
                throw result.serverGone();
            }
            return failed.isEmpty() ? ExitCode.OK : ExitCode.SOME_FAILED;
        }
    }

    private KeyAlgorithm algorithm() {
        try {
            return KeyAlgorithm.parse(keyAlgorithm);
        } catch (CaException e) {
            throw CliException.usage(CliMessage.KEY_ALGORITHM_OPTION, e);
        }
    }

    private static Map<String, Object> summary(int rows, int issued, int alreadyDone, double rate, List<Refusal> failed) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rows", rows);
        summary.put("issued", issued);
        summary.put("alreadyDone", alreadyDone);
        summary.put("failed", failed.size());
        summary.put("rowsPerSecond", Math.round(rate * 10) / 10.0);
        summary.put("failures", failed.stream().map(r -> Map.of("line", r.line(), "requestId", r.requestId(), "field", r.field(),
                "reason", r.reason())).toList());
        return summary;
    }

    /** Where subscribers' keys are made and their CSRs signed: native code where its library loads, else Bouncy Castle. */
    private static Provider keyProvider() {
        return NativeProvider.load().orElse(Providers.BC);
    }
}
