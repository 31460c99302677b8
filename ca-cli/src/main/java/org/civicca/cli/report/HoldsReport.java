package org.civicca.cli.report;

import java.util.concurrent.Callable;
import org.civicca.cli.CivicCaCommand;
import org.civicca.cli.CliMessage;
import org.civicca.cli.ExitCode;
import org.civicca.cli.Output;
import org.civicca.cli.client.Wire;
import picocli.CommandLine.Command;
import picocli.CommandLine;

@Command(name = "holds", description = "List certificates on hold, marking those held longer than the server's ca.holds.max-age.",
        mixinStandardHelpOptions = true, footer = {"", "Exit code 1 when a hold is overdue.", "", "Example:", "  civicca report holds"})
final class HoldsReport implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Wire.Holds holds = CivicCaCommand.global(spec).client().holds();
        Output output = new Output(spec);
        for (Wire.Hold hold : holds.holds()) {
            Wire.Certificate c = hold.certificate();
            output.line(String.format("%s  %-32s  %-14s %s%s", c.revocation().revokedAt(), c.serial(), c.agency(), c.commonName(),
                    hold.overdue() ? "  " + output.text(CliMessage.OVERDUE) : ""));
        }
        output.line(CliMessage.HOLDS_SUMMARY, holds.holds().size(), holds.overdue(), holds.maxAgeDays());
        output.document(holds);
        return holds.overdue() == 0 ? ExitCode.OK : ExitCode.SOME_FAILED;
    }
}
