package org.civicca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CivicCaCommandTests {

    @Test
    void helpNamesTheCommandAndExitsZero() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new CivicCaCommand());
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Usage: civicca").contains("--version");
    }

    @Test
    void versionIsPrinted() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new CivicCaCommand());
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("--version")).isZero();
        assertThat(out.toString()).startsWith("civicca ");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CommandLine cli = new CommandLine(new CivicCaCommand());
        cli.setErr(new PrintWriter(new StringWriter()));

        assertThat(cli.execute("--no-such-option")).isEqualTo(2);
    }
}
