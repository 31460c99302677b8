package org.civicca.cli.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicca.cli.CivicCaCommand;
import org.civicca.cli.CliMessage;
import org.civicca.cli.ExitCode;
import org.civicca.cli.Output;
import org.civicca.cli.client.Wire;
import picocli.CommandLine.Command;
import picocli.CommandLine;

@Command(name = "summary", description = "Count certificates by agency, profile and status.", mixinStandardHelpOptions = true,
        footer = {"", "Example:", "  civicca report summary"})
final class SummaryReport implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Wire.Certificate> all = CertificatePages.all(CivicCaCommand.global(spec).client(), Map.of());
        Map<String, Map<String, Long>> summary = new TreeMap<>();
        summary.put("byAgency", count(all, Wire.Certificate::agency));
        summary.put("byProfile", count(all, Wire.Certificate::profile));
        summary.put("byStatus", count(all, Wire.Certificate::status));
        Output output = new Output(spec);
        output.line(CliMessage.CERTIFICATES_TOTAL, all.size());
        summary.forEach((name, counts) -> {
            output.line(name + ":");
            counts.forEach((key, n) -> output.line(String.format("  %-28s %6d", key, n)));
        });
        output.document(Map.of("total", all.size(), "byAgency", summary.get("byAgency"), "byProfile", summary.get("byProfile"),
                "byStatus", summary.get("byStatus")));
        return ExitCode.OK;
    }

    private static Map<String, Long> count(List<Wire.Certificate> all, Function<Wire.Certificate, String> key) {
        return all.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }
}
