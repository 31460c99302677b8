package org.civicca.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an administrator and a script can rely on whatever the command: help with examples, a version, shell
 * completion, global options anywhere on the line, JSON on request, one-line errors without stack traces, and the
 * documented exit codes (2 for a wrong command line or input file, 3 for an unreachable server or refused token).
 */
class CliConventionsTests {

    private static Path folder;
    private static Service service;
    private static Cli cli;
    private static Api api;

    @BeforeAll
    static void startService() {
        folder = TempFolders.create("conventions");
        service = Service.start(folder.resolve("ca-home"));
        cli = new Cli(service, folder);
        api = new Api(service);
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
        TempFolders.delete(folder);
    }

    static Stream<String> commands() {
        return Stream.of("", "agencies", "agencies import", "enroll", "revoke", "crl", "crl publish", "report", "report expiring",
                "report summary", "status", "generate-completion");
    }

    @ParameterizedTest(name = "civicca {0} --help")
    @MethodSource("commands")
    void everyCommandsHelpExitsZeroAndShowsAnExample(String command) {
        List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add("--help");

        Cli.Result result = cli.run(args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).as(result.toString()).contains("Usage: civicca" + (command.isEmpty() ? "" : " " + command))
                .contains("Example");
    }

    @Test
    void theVersionIsPrinted() {
        Cli.Result result = cli.run("--version");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).as(result.toString()).startsWith("civicca ");
    }

    @Test
    void generateCompletionPrintsABashCompletionScript() {
        Cli.Result result = cli.run("generate-completion");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).as(result.toString()).startsWith("#!").contains("complete").contains("civicca");
        Cli.Result help = cli.run("generate-completion", "--help");
        assertThat(help.exitCode()).as(help.toString()).isZero();
    }

    @Test
    void globalOptionsWorkAfterTheSubcommand() {
        Cli.Result reachable = bare("status", "--server", service.url().toString());
        assertThat(reachable.exitCode()).as(reachable.toString()).isZero();
        assertThat(reachable.out()).as(reachable.toString()).contains(service.url().toString());

        Cli.Result unreachable = bare("status", "--server", "http://localhost:" + Service.freePort());
        assertThat(unreachable.exitCode()).as("the --server after the command is the one used\n%s", unreachable).isEqualTo(3);
    }

    @Test
    void jsonBeforeTheSubcommandPrintsOneParseableJsonDocument() {
        Cli.Result result = cli.run("--json", "status");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).as(result.toString()).startsWith("{");
        Object document = parse(result);
        assertThat(document).as(result.toString()).isInstanceOf(Map.class);
        Map<?, ?> status = (Map<?, ?>) document;
        assertThat(status.get("reachable")).as(result.toString()).isEqualTo(Boolean.TRUE);
        assertThat((List<?>) status.get("cas")).as(result.toString()).hasSize(2);
    }

    @Test
    void jsonAfterTheSubcommandWorksToo() {
        Cli.Result result = cli.run("report", "summary", "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(parse(result)).as(result.toString()).isInstanceOf(Map.class);
    }

    @Test
    void aRefusedTokenExitsThreeWithOneLineAndNoStackTrace() throws IOException {
        Path tokenFile = folder.resolve("wrong.token");
        Files.writeString(tokenFile, "cca_wrong\n", StandardCharsets.UTF_8);

        Cli.Result result = cli.run("--token-file", tokenFile.toString(), "status");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertOneLineError(result);
        assertThat(result.err()).as("the token is never printed\n%s", result).doesNotContain("cca_wrong");
    }

    @Test
    void aServerThatIsNotListeningExitsThree() {
        Cli.Result result = bare("--server", "http://localhost:" + Service.freePort(), "status");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertOneLineError(result);
    }

    @Test
    void aMissingCsvFileExitsTwoNamingTheFile() {
        Path missing = folder.resolve("no-such-file.csv");

        for (String[] args : List.of(new String[] {"enroll", "--csv", missing.toString(), "--out", folder.resolve("x").toString()},
                new String[] {"agencies", "import", missing.toString()}, new String[] {"revoke", "--csv", missing.toString()})) {
            Cli.Result result = cli.run(args);
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.err()).as(result.toString()).contains("no-such-file.csv");
            assertOneLineError(result);
        }
    }

    @Test
    void aCsvWithAMissingColumnExitsTwoNamingTheColumnAndSendsNothing() throws IOException {
        Path csv = folder.resolve("no-email.csv");
        List<String> lines = new ArrayList<>();
        for (String line : ProvinceData.lines(ProvinceData.enrollmentRows(1, 5, folder.resolve("five.csv")))) {
            List<String> fields = new ArrayList<>(List.of(line.split(",", -1)));
            fields.remove(4); // request_id,profile,agency,common_name,email,...
            lines.add(String.join(",", fields));
        }
        Files.write(csv, lines, StandardCharsets.UTF_8);
        long before = api.certificateCount();

        Cli.Result result = cli.run("enroll", "--csv", csv.toString(), "--out", folder.resolve("no-email").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).as(result.toString()).contains("'email'");
        assertOneLineError(result);
        assertThat(api.certificateCount()).isEqualTo(before);
        assertThat(folder.resolve("no-email")).doesNotExist();
    }

    @ParameterizedTest(name = "civicca {0}")
    @MethodSource("misuses")
    void aMistakeOnTheCommandLineExitsTwoAndSendsNothing(String misuse) {
        long before = api.certificateCount();

        Cli.Result result = cli.run(misuse.split(" "));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).as(result.toString()).doesNotContain("at org.").doesNotContain("at java.");
        assertThat(api.certificateCount()).isEqualTo(before);
    }

    static Stream<String> misuses() {
        return Stream.of("status --frobnicate", "--frobnicate", "no-such-command", "revoke --serial ab --csv f.csv",
                "enroll --out x", "enroll --csv f.csv --out x --concurrency abc", "report expiring");
    }

    private static void assertOneLineError(Cli.Result result) {
        assertThat(result.err().strip().lines().toList()).as("one error line\n%s", result).hasSize(1);
        assertThat(result.err()).as(result.toString()).startsWith("civicca: ").doesNotContain("at org.").doesNotContain("at java.")
                .doesNotContain("Exception:");
    }

    private static Object parse(Cli.Result result) {
        assertThatCode(() -> Json.parse(result.out())).as(result.toString()).doesNotThrowAnyException();
        return Json.parse(result.out());
    }

    /** The CLI without the harness's --server, so a test decides where every option goes. */
    private static Cli.Result bare(String... args) {
        List<String> command = new ArrayList<>(List.of(Jars.java(), "-jar", Jars.path("civicca.cli.jar").toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(folder, "bare", ".out");
            Path err = Files.createTempFile(folder, "bare", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().put("CA_TOKEN", service.adminToken());
            Process process = builder.start();
            process.getOutputStream().close();
            return new Cli.Running(String.join(" ", args), process, out, err).await();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
