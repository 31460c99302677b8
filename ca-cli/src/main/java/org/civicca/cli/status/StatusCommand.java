package org.civicca.cli.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.civicca.cli.CivicCaCommand;
import org.civicca.cli.CliMessage;
import org.civicca.cli.ExitCode;
import org.civicca.cli.Output;
import org.civicca.cli.client.CaClient;
import org.civicca.cli.client.Wire;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** Is the server there, and is every CA's CRL fresh? */
@Command(name = "status", description = {"Show whether the server answers, each CA's validity, each CRL's number and age,",
        "and holds left unreleased too long."},
        mixinStandardHelpOptions = true,
        footer = {"", "Exit code 1 when a CRL is missing, lapsed (past its nextUpdate) or stale (not remade when due, as the",
                "server's health endpoint judges it), or a hold is overdue.", "", "Example:",
                "  civicca status --json"})
public final class StatusCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Output output = new Output(spec);
        CaClient client = CivicCaCommand.global(spec).client();
        List<Wire.Ca> cas = client.cas();
        Instant now = Instant.now();
        output.line(CliMessage.SERVER_REACHABLE, client.server());
        List<Map<String, Object>> report = new ArrayList<>();
        boolean healthy = true;
        for (Wire.Ca ca : cas) {
            // The server judges freshness: it alone knows when its scheduler should have remade the CRL.
            Optional<CliMessage> flag = flag(ca.crlFreshness());
            boolean stale = flag.isPresent();
            healthy &= !stale;
            String age = ca.crlThisUpdate() == null ? "none" : human(Duration.between(ca.crlThisUpdate(), now));
            output.line(output.text(CliMessage.CA_STATUS, String.format("%-24s", ca.name()), ca.notAfter(),
                    Duration.between(now, ca.notAfter()).toDays(), ca.crlNumber(), age, ca.crlNextUpdate())
                    + flag.map(message -> "  " + output.text(message)).orElse(""));
            report.add(entry(ca, stale));
        }
        Wire.Holds holds = client.holds();
        if (holds.overdue() > 0) {
            output.line(CliMessage.HOLDS_OVERDUE, holds.overdue(), holds.maxAgeDays());
        }
        output.document(Map.of("server", client.server().toString(), "reachable", true, "cas", report, "holdsOverdue", holds.overdue()));
        return healthy && holds.overdue() == 0 ? ExitCode.OK : ExitCode.SOME_FAILED;
    }

    /** The CA's line of the --json document. */
    private static Map<String, Object> entry(Wire.Ca ca, boolean stale) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", ca.name());
        entry.put("notAfter", ca.notAfter().toString());
        entry.put("crlNumber", ca.crlNumber());
        entry.put("crlThisUpdate", String.valueOf(ca.crlThisUpdate()));
        entry.put("crlNextUpdate", String.valueOf(ca.crlNextUpdate()));
        entry.put("crlFreshness", ca.crlFreshness());
        entry.put("crlStale", stale);
        return entry;
    }

    /**
     * Nothing for a fresh CRL; STALE while relying parties still accept it; LAPSED once they reject it or it was never
     * made. A server older than this verdict sends none, and nothing is flagged.
     */
    private static Optional<CliMessage> flag(String freshness) {
        return switch (freshness == null ? "fresh" : freshness) {
            case "fresh" -> Optional.empty();
            case "stale" -> Optional.of(CliMessage.STALE);
            default -> Optional.of(CliMessage.LAPSED);
        };
    }

    private static String human(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        return seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }
}
