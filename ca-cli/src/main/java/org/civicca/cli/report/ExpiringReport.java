package org.civicca.cli.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.civicca.cli.CivicCaCommand;
import org.civicca.cli.CliException;
import org.civicca.cli.CliMessage;
import org.civicca.cli.ExitCode;
import org.civicca.cli.Output;
import org.civicca.cli.client.Wire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "expiring", description = "List valid certificates that expire within N days.", mixinStandardHelpOptions = true,
        footer = {"", "Example:", "  civicca report expiring --days 30 --agency so-tc"})
final class ExpiringReport implements Callable<Integer> {

    @Option(names = "--days", required = true, paramLabel = "N", description = "horizon in days")
    int days;

    @Option(names = "--agency", paramLabel = "A", description = "only this agency's certificates")
    String agency;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (days < 0 || days > 36500) {
            throw CliException.usage(CliMessage.DAYS_RANGE);
        }
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("status", "ISSUED");
        filter.put("expiringBefore", Instant.now().plus(Duration.ofDays(days)).toString());
        if (agency != null) {
            filter.put("agency", agency);
        }
        List<Wire.Certificate> expiring = CertificatePages.all(CivicCaCommand.global(spec).client(), filter).stream()
                .sorted(Comparator.comparing(Wire.Certificate::notAfter)).toList();
        Output output = new Output(spec);
        for (Wire.Certificate c : expiring) {
            output.line(String.format("%s  %-32s  %-14s %-12s %s", c.notAfter(), c.serial(), c.agency(), c.profile(), c.commonName()));
        }
        if (agency == null) {
            output.line(CliMessage.EXPIRING_SUMMARY, expiring.size(), days);
        } else {
            output.line(CliMessage.EXPIRING_SUMMARY_IN_AGENCY, expiring.size(), days, agency);
        }
        output.document(expiring.stream().map(c -> Map.of("serial", c.serial(), "agency", c.agency(), "profile", c.profile(),
                "commonName", c.commonName(), "notAfter", c.notAfter().toString())).toList());
        return ExitCode.OK;
    }
}
