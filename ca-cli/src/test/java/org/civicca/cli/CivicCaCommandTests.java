package org.civicca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    @Test
    void aUsageErrorIsSaidInVietnameseWithLangVi() {
        Run run = run("--lang", "vi", "revoke", "--serial", "01");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("civicca: --reason là bắt buộc khi dùng --serial");
    }

    @Test
    void theSameErrorIsSaidInEnglishWithLangEn() {
        Run run = run("revoke", "--serial", "01", "--lang", "en");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("civicca: --reason is required with --serial");
    }

    @Test
    void anUnsupportedLanguageIsAUsageError() {
        Run run = run("--lang", "fr", "status");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--lang must be en or vi");
    }

    @Test
    void anUnreachableServerIsSaidInVietnamese(@TempDir Path folder) throws IOException {
        Path token = Files.writeString(folder.resolve("token"), "not-a-real-token");

        Run run = run("--lang", "vi", "--server", "http://127.0.0.1:1", "--token-file", token.toString(), "status");

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("civicca: không kết nối được tới http://127.0.0.1:1/: kết nối bị từ chối hoặc quá thời gian chờ");
    }

    private record Run(int exit, String err) {
    }

    /** Runs the command line as main does, with its error handling; stderr stripped. */
    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = CivicCaCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, err.toString().strip());
    }
}
