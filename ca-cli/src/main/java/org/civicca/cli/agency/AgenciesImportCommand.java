package org.civicca.cli.agency;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicca.cli.CivicCaCommand;
import org.civicca.cli.CliMessage;
import org.civicca.cli.ExitCode;
import org.civicca.cli.Output;
import org.civicca.cli.client.ApiProblemException;
import org.civicca.cli.client.CaClient;
import org.civicca.cli.client.Wire;
import org.civicca.cli.csv.CsvTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** Creates or updates agencies from agencies.csv; reports created, unchanged and updated. */
@Command(name = "import", description = "Create or update agencies from a CSV file (code,name,tax_code,locality).",
        mixinStandardHelpOptions = true, footer = {"", "Example:", "  civicca agencies import ../shared/data/agencies.csv"})
public final class AgenciesImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "agencies CSV: code,name,tax_code,locality")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CsvTable table = CsvTable.read(file, List.of("code", "name", "tax_code", "locality"));
        Output output = new Output(spec);
        CaClient client = CivicCaCommand.global(spec).client();
        Map<String, Wire.Agency> existing = client.agencies().stream().collect(Collectors.toMap(Wire.Agency::code, Function.identity()));
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<Map<String, String>> failed = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            Wire.Agency agency = new Wire.Agency(row.get("code").strip(), row.get("name"), row.get("tax_code"), row.get("locality"));
            Wire.Agency current = existing.get(agency.code());
            try {
                if (current == null) {
                    client.createAgency(agency);
                    created.add(agency.code());
                } else if (same(current, agency)) {
                    unchanged.add(agency.code());
                } else {
                    client.updateAgency(agency);
                    updated.add(agency.code());
                }
            } catch (ApiProblemException e) {
                String field = e.field() == null ? "-" : e.field();
                output.note(CliMessage.AT_LINE, file, row.line(), output.text(CliMessage.IN_FIELD, field, e.getMessage()));
                failed.add(Map.of("line", String.valueOf(row.line()), "code", agency.code(), "field", field, "reason", e.getMessage()));
            }
        }
        output.line(output.text(CliMessage.AGENCIES_SUMMARY, created.size(), unchanged.size(), updated.size())
                + (failed.isEmpty() ? "" : output.text(CliMessage.AGENCIES_FAILED_SUFFIX, failed.size())));
        output.document(Map.of("created", created, "unchanged", unchanged, "updated", updated, "failed", failed));
        return failed.isEmpty() ? ExitCode.OK : ExitCode.SOME_FAILED;
    }

    /** The server stores names NFC-normalized and stripped; compare the same way. */
    private static boolean same(Wire.Agency a, Wire.Agency b) {
        return normal(a.name()).equals(normal(b.name())) && normal(a.taxCode()).equals(normal(b.taxCode()))
                && normal(a.locality()).equals(normal(b.locality()));
    }

    private static String normal(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC).strip();
    }
}
