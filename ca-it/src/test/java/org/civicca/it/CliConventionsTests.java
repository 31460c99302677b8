package org.civicca.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
                "report summary", "status", "backup", "restore", "generate-completion");
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

    @Test
    void aCsvWithAByteOrderMarkCrlfLineEndsAndQuotedCommasEnrollsEveryRow() throws IOException {
        importAgencies();
        String header = "request_id,profile,agency,common_name,email,national_id,title,unit,tax_code";
        String person = "CRLF-1,personal,so-tc,Nguyễn Thị Ánh,anhnt.crlf@vinhphuc.gov.vn,026199482708,Chuyên viên,"
                + "\"Phòng Ngân sách, Kế hoạch\",";
        String organization = "CRLF-2,organization,so-tc,\"Sở Tài chính, Văn phòng\",vanphong.crlf@vinhphuc.gov.vn,,,,2561744874";
        Path csv = folder.resolve("bom-crlf.csv");
        Files.write(csv, ("\uFEFF" + header + "\r\n" + person + "\r\n" + organization + "\r\n").getBytes(StandardCharsets.UTF_8));

        Cli.Result result = cli.run("--json", "enroll", "--csv", csv.toString(), "--out", folder.resolve("bom-crlf").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Map<String, String> serials = Csv.byRequestId(folder.resolve("bom-crlf/manifest.csv"), "serial");
        assertThat(serials).containsOnlyKeys("CRLF-1", "CRLF-2");
        assertThat(certificate(serials.get("CRLF-1")).get("subjectDn")).asString().contains("Phòng Ngân sách\\, Kế hoạch");
        assertThat(certificate(serials.get("CRLF-2")).get("commonName")).isEqualTo("Sở Tài chính, Văn phòng");
    }

    @Test
    void aRequestIdShapedLikeAPathIsRefusedAndNothingIsWrittenOutsideTheOutputFolder() throws IOException {
        importAgencies();
        Path csv = folder.resolve("traversal.csv");
        Files.writeString(csv, "request_id,profile,agency,common_name,email,national_id,title,unit,tax_code\n"
                + "../../x,personal,so-tc,Lê Văn Tám,tamlv.x@vinhphuc.gov.vn,026199482700,,,\n", StandardCharsets.UTF_8);
        Path out = folder.resolve("traversal/out");
        Set<Path> before = tree(folder);
        long certificates = api.certificateCount();

        Cli.Result result = cli.run("enroll", "--csv", csv.toString(), "--out", out.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).as(result.toString()).contains("line 2: request_id ../../x: field request_id:");
        assertThat(api.certificateCount()).isEqualTo(certificates);
        Set<Path> written = tree(folder);
        written.removeAll(before);
        assertThat(written).as("files written").allSatisfy(p -> assertThat(p.startsWith(out) || p.equals(out.getParent())
                || p.getFileName().toString().startsWith("cli")).as(p.toString()).isTrue());
        assertThat(written.stream().filter(p -> p.getFileName().toString().startsWith("x"))).isEmpty();
    }

    @Test
    void aCsvThatIsNotUtf8ExitsTwoNamingTheFileAndSendsNothing() throws IOException {
        Path csv = folder.resolve("latin1.csv");
        Files.write(csv, "request_id,profile,agency,common_name,email,national_id,title,unit,tax_code\nL-1,personal,so-tc,Nguy\u1EC5n,a@b.vn,026199482708,,,\n"
                .getBytes(StandardCharsets.UTF_8));
        byte[] bytes = Files.readAllBytes(csv);
        bytes[bytes.length - 40] = (byte) 0xE9;
        Files.write(csv, bytes);
        long before = api.certificateCount();

        Cli.Result result = cli.run("enroll", "--csv", csv.toString(), "--out", folder.resolve("latin1").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).as(result.toString()).contains("latin1.csv: not UTF-8 text");
        assertOneLineError(result);
        assertThat(api.certificateCount()).isEqualTo(before);
    }

    private static Map<?, ?> certificate(String serial) {
        return (Map<?, ?>) Json.parse(api.get("/api/v1/certificates/" + serial));
    }

    private static void importAgencies() {
        Cli.Result imported = cli.run("agencies", "import", ProvinceData.file("agencies.csv").toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
    }

    private static Set<Path> tree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.collect(Collectors.toCollection(HashSet::new));
        }
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
                "enroll --out x", "enroll --csv f.csv --out x --concurrency abc",
                "enroll --csv f.csv --out x --batch-size 0", "enroll --csv f.csv --out x --batch-size 101", "report expiring");
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
