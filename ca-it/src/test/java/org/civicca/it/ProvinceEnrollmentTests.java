package org.civicca.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A province's first day: the agencies are imported, a batch of officials and agencies is enrolled from the
 * province's CSV, a file with bad rows is refused row by row without touching what was done, reruns issue nothing
 * twice, and every .p12 opens in OpenSSL, keytool and NSS under its password.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvinceEnrollmentTests {

    private static final int ROWS = 120;
    private static final String OWNER_ONLY = "rw-------";

    /** The 13 rows of enrollment-with-errors.csv that must be refused, with the column each is refused for. */
    private static final Map<String, String> BAD_ROWS = badRows();

    private static Path folder;
    private static Service service;
    private static Cli cli;
    private static Api api;
    private static Path out;
    private static Path firstRows;

    @BeforeAll
    static void startService() {
        folder = TempFolders.create("province");
        service = Service.start(folder.resolve("ca-home"));
        cli = new Cli(service, folder);
        api = new Api(service);
        out = folder.resolve("province");
        firstRows = ProvinceData.enrollmentRows(1, ROWS, folder.resolve("first-120.csv"));
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
        TempFolders.delete(folder);
    }

    @Test
    @Order(1)
    void importingTheAgenciesCreatesAll39AndASecondImportChangesNothing() {
        String agencies = ProvinceData.file("agencies.csv").toString();

        Cli.Result first = cli.run("agencies", "import", agencies);
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).as(first.toString()).contains("39 created");

        Cli.Result second = cli.run("agencies", "import", agencies);
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).as(second.toString()).contains("39 unchanged").contains("0 created").contains("0 updated");
    }

    @Test
    @Order(2)
    void enrollingTheFirst120RowsIssuesOneOwnerOnlyP12PerRow() throws IOException {
        Cli.Result result = cli.run("enroll", "--csv", firstRows.toString(), "--out", out.toString(), "--concurrency", "8");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(EnrollSummary.counts(result)).as(result.toString()).containsEntry("issued", ROWS).containsEntry("failed", 0);
        List<Map<String, String>> manifest = Csv.rows(out.resolve("manifest.csv"));
        assertThat(manifest).as("manifest.csv rows").hasSize(ROWS);
        assertThat(manifest.stream().map(r -> r.get("request_id")).collect(Collectors.toSet())).as("request ids in manifest.csv")
                .isEqualTo(requestIds(firstRows));
        assertThat(manifest.stream().map(r -> r.get("serial")).distinct().count()).as("distinct serials").isEqualTo(ROWS);
        for (Map<String, String> row : manifest) {
            Path p12 = out.resolve(row.get("file"));
            assertThat(p12).as("file of %s", row).isRegularFile();
            assertThat(p12.normalize().startsWith(out)).as("file of %s stays inside the output folder", row).isTrue();
            assertThat(p12.getFileName().toString()).isEqualTo(row.get("request_id") + ".p12");
            assertThat(permissions(p12)).as("permissions of %s", p12).isEqualTo(OWNER_ONLY);
            assertThat(row.get("status")).as("status of %s", row).isEqualTo("ISSUED");
        }
        Path passwords = out.resolve("passwords.csv");
        assertThat(permissions(passwords)).as("permissions of passwords.csv").isEqualTo(OWNER_ONLY);
        assertThat(Csv.byRequestId(passwords, "password").keySet()).as("request ids in passwords.csv").isEqualTo(requestIds(firstRows));
        assertThat(api.certificateCount()).as("certificates on the server").isEqualTo(ROWS);
    }

    @Test
    @Order(3)
    void aFileWithBadRowsIsRefusedRowByRowAndIssuesNothingNew() {
        Path errors = ProvinceData.file("enrollment-with-errors.csv");
        Map<String, Integer> lines = lineNumbers(errors);
        long before = api.certificateCount();

        Cli.Result result = cli.run("enroll", "--csv", errors.toString(), "--out", out.toString(), "--concurrency", "8");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(EnrollSummary.counts(result)).as(result.toString()).containsEntry("issued", 0).containsEntry("already done", 6)
                .containsEntry("failed", BAD_ROWS.size());
        assertRefusalsOnStderr(result, lines);
        List<Map<String, String>> failed = Csv.rows(out.resolve("failed.csv"));
        assertThat(failed.stream().map(r -> r.get("line") + " " + r.get("request_id") + " " + r.get("field")).toList())
                .as("failed.csv").containsExactlyInAnyOrderElementsOf(expectedRefusals(lines));
        assertThat(api.certificateCount()).as("certificates on the server").isEqualTo(before);
        assertThat(Csv.rows(out.resolve("manifest.csv"))).as("manifest.csv rows").hasSize(ROWS);
        assertThat(EnrollmentFolder.p12Files(out)).as("no .p12 for a refused row").noneMatch(p -> p.getFileName().toString().startsWith("BAD-"));
    }

    @Test
    @Order(4)
    void rerunningTheSameRowsIssuesNothing() {
        long before = api.certificateCount();

        Cli.Result result = cli.run("enroll", "--csv", firstRows.toString(), "--out", out.toString(), "--concurrency", "8");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(EnrollSummary.counts(result)).as(result.toString()).containsEntry("issued", 0).containsEntry("recovered", 0)
                .containsEntry("already done", ROWS).containsEntry("failed", 0);
        assertThat(api.certificateCount()).as("certificates on the server").isEqualTo(before);
        assertThat(Csv.rows(out.resolve("manifest.csv"))).as("manifest.csv rows").hasSize(ROWS);
        assertThat(EnrollmentFolder.p12Files(out)).as(".p12 files").hasSize(ROWS);
    }

    @Test
    @Order(5)
    void aDryRunListsTheBadRowsAndSendsAndWritesNothing() {
        Path errors = ProvinceData.file("enrollment-with-errors.csv");
        Path dryOut = folder.resolve("dry-run");
        long before = api.certificateCount();

        Cli.Result result = cli.run("enroll", "--csv", errors.toString(), "--out", dryOut.toString(), "--dry-run");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).as(result.toString()).contains("13 refused").contains("nothing sent");
        assertRefusalsOnStderr(result, lineNumbers(errors));
        assertThat(api.certificateCount()).as("certificates on the server").isEqualTo(before);
        assertThat(dryOut).as("a dry run writes no output folder").doesNotExist();
    }

    @Test
    @Order(5)
    void aDryRunInVietnameseNamesEachBadRowInVietnamese() {
        Path errors = ProvinceData.file("enrollment-with-errors.csv");
        Map<String, Integer> lines = lineNumbers(errors);

        Cli.Result byOption = cli.run("enroll", "--csv", errors.toString(), "--out", folder.resolve("dry-vi").toString(), "--dry-run",
                "--lang", "vi");
        Cli.Result byLocale = cli.runWith(Map.of("LANG", "vi_VN.UTF-8"), "enroll", "--csv", errors.toString(), "--out",
                folder.resolve("dry-vi").toString(), "--dry-run");

        assertThat(byOption.exitCode()).as(byOption.toString()).isEqualTo(1);
        assertThat(byOption.out()).as(byOption.toString()).contains("13 dòng bị từ chối").contains("không gửi gì cả");
        List<String> stderr = byOption.err().lines().toList();
        for (Map.Entry<String, String> bad : BAD_ROWS.entrySet()) {
            List<String> naming = stderr.stream().filter(l -> l.contains(": dòng " + lines.get(bad.getKey()) + ":")).toList();
            assertThat(naming).as("stderr lines naming line %s\n%s", lines.get(bad.getKey()), byOption).hasSize(1);
            assertThat(naming.get(0)).as(byOption.toString()).contains(bad.getKey()).contains("trường " + bad.getValue())
                    .doesNotContain(" must ", " may ", " is required", " line ", " field ");
        }
        assertThat(byLocale.out()).isEqualTo(byOption.out());
        assertThat(byLocale.err()).isEqualTo(byOption.err());
    }

    @Test
    @Order(5)
    void theServersRefusalsReachTheAdministratorInVietnamese() {
        Cli.Result result = cli.run("--lang", "vi", "revoke", "--serial", "0abc", "--reason", "keyCompromise");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).as(result.toString()).contains("không có chứng thư số nào có serial abc");
        assertThat(result.out()).as(result.toString()).contains("thu hồi: 0 xong, 1 lỗi");
    }

    @Test
    @Order(6)
    void everySampledP12OpensInOpenSslKeytoolAndNssWithItsEcP256KeyChainAndVietnameseName() throws IOException {
        Map<String, String> passwords = Csv.byRequestId(out.resolve("passwords.csv"), "password");
        Map<String, Map<String, String>> manifest = new LinkedHashMap<>();
        Csv.rows(out.resolve("manifest.csv")).forEach(r -> manifest.put(r.get("request_id"), r));
        List<Map<String, String>> input = Csv.rows(firstRows);
        List<Map<String, String>> sample = List.of(input.get(0), input.get(1), input.get(30), input.get(60), input.get(ROWS - 1));
        assertThat(sample).as("the sample holds a personal and an organizational row")
                .anyMatch(r -> r.get("profile").equals("personal")).anyMatch(r -> r.get("profile").equals("organization"));
        Path work = Files.createDirectories(folder.resolve("p12-checks"));

        for (Map<String, String> row : sample) {
            String requestId = row.get("request_id");
            String commonName = row.get("common_name");
            Path p12 = out.resolve(manifest.get(requestId).get("file"));
            String password = passwords.get(requestId);
            assertThat(password).as("password of %s", requestId).isNotBlank();

            Tool.Output certificates = Pkcs12Files.certificates(work, p12, password);
            assertThat(certificates.exitCode()).as(certificates.toString()).isZero();
            assertThat(certificates.text().split("-----BEGIN CERTIFICATE-----", -1)).as("leaf, issuing CA and root\n%s", certificates)
                    .hasSize(4);
            assertThat(Pkcs12Files.friendlyNameLines(certificates)).as("friendlyName of %s (%s)\n%s", requestId, commonName, certificates)
                    .isNotEmpty().allMatch(name -> Pkcs12Files.friendlyNameRenderings(commonName).contains(name));

            Path key = work.resolve(requestId + ".key.pem");
            Tool.Output keyOutput = Pkcs12Files.key(work, p12, password, key);
            assertThat(keyOutput.exitCode()).as(keyOutput.toString()).isZero();
            assertThat(Pkcs12Files.read(key)).as("key of %s", requestId).contains("-----BEGIN PRIVATE KEY-----");
            Tool.Output keyText = Tool.run(work, "openssl", "pkey", "-in", key.toString(), "-noout", "-text");
            assertThat(keyText.text()).as(keyText.toString()).contains("256 bit").contains("prime256v1");

            Path leaf = work.resolve(requestId + ".leaf.pem");
            Tool.Output leafOutput = Pkcs12Files.leaf(work, p12, password, leaf);
            assertThat(leafOutput.exitCode()).as(leafOutput.toString()).isZero();
            Pkcs12Files.assertKeyMatchesCertificate(work, key, leaf);
            assertThat(Pkcs12Files.serial(work, leaf)).as("serial of %s", requestId)
                    .isEqualTo(new BigInteger(manifest.get(requestId).get("serial"), 16));
            Tool.Output subject = Tool.run(work, "openssl", "x509", "-in", leaf.toString(), "-noout", "-subject", "-nameopt",
                    "utf8,sep_comma_plus");
            assertThat(subject.text()).as(subject.toString()).containsPattern("CN=" + Pattern.quote(commonName) + "(,|\\R|$)");

            Tool.Output keytool = Tool.run(work, "keytool", "-list", "-v", "-keystore", p12.toString(), "-storetype", "PKCS12",
                    "-storepass", password);
            assertThat(keytool.exitCode()).as(keytool.toString()).isZero();
            assertThat(keytool.text()).as(keytool.toString()).contains("Your keystore contains 1 entry")
                    .contains("Entry type: PrivateKeyEntry").contains("Certificate chain length: 3");

            Path nss = Files.createDirectories(work.resolve("nss-" + requestId));
            Tool.Output database = Tool.run(work, "certutil", "-N", "-d", "sql:" + nss, "--empty-password");
            assertThat(database.exitCode()).as(database.toString()).isZero();
            Tool.Output imported = Tool.run(work, "pk12util", "-i", p12.toString(), "-d", "sql:" + nss, "-W", password);
            assertThat(imported.exitCode()).as(imported.toString()).isZero();
            assertThat(imported.text()).as(imported.toString()).contains("PKCS12 IMPORT SUCCESSFUL");
            Tool.Output keys = Tool.run(work, "certutil", "-K", "-d", "sql:" + nss);
            assertThat(keys.exitCode()).as(keys.toString()).isZero();
            assertThat(keys.text()).as(keys.toString()).containsPattern("<\\s*0>\\s+ec\\s").contains(commonName);
            Tool.Output byNickname = Tool.run(work, "certutil", "-L", "-d", "sql:" + nss, "-n", commonName);
            assertThat(byNickname.exitCode()).as("NSS finds the certificate under the exact friendly name %s\n%s", commonName, byNickname)
                    .isZero();
        }
    }

    @Test
    @Order(7)
    void theSummaryReportCountsTheEnrolledCertificatesAndStatusIsHealthy() {
        Cli.Result summary = cli.run("report", "summary", "--json");
        assertThat(summary.exitCode()).as(summary.toString()).isZero();
        assertThat(summary.out().strip()).as(summary.toString()).startsWith("{").endsWith("}");
        long total = Api.total(summary.out());
        assertThat(total).as(summary.toString()).isGreaterThanOrEqualTo(ROWS).isEqualTo(api.certificateCount());

        Cli.Result status = cli.run("status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
    }

    @Test
    @Order(8)
    void rowsSentOneARequestEnrollTheSameWayAsInBatches() {
        Path nextRows = ProvinceData.enrollmentRows(ROWS + 1, ROWS + 30, folder.resolve("next-30.csv"));
        Path oneByOne = folder.resolve("one-by-one");
        long before = api.certificateCount();

        Cli.Result result = cli.run("enroll", "--csv", nextRows.toString(), "--out", oneByOne.toString(), "--batch-size", "1",
                "--concurrency", "4");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(EnrollSummary.counts(result)).as(result.toString()).containsEntry("issued", 30).containsEntry("failed", 0);
        assertThat(Csv.rows(oneByOne.resolve("manifest.csv")).stream().map(r -> r.get("request_id")).collect(Collectors.toSet()))
                .as("request ids in manifest.csv").isEqualTo(requestIds(nextRows));
        assertThat(EnrollmentFolder.p12Files(oneByOne)).as(".p12 files").hasSize(30);
        assertThat(api.certificateCount()).as("certificates on the server").isEqualTo(before + 30);
    }

    private static Map<String, String> badRows() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("BAD-001", "common_name");
        rows.put("BAD-002", "email");
        rows.put("BAD-003", "agency");
        rows.put("BAD-004", "profile");
        rows.put("BAD-005", "common_name");
        rows.put("BAD-006", "common_name");
        rows.put("BAD-007", "common_name");
        rows.put("BAD-008", "national_id");
        rows.put("BAD-009", "national_id");
        rows.put("BAD-010", "tax_code");
        rows.put("BAD-011", "common_name");
        rows.put("BAD-012", "common_name");
        rows.put("VP-2021-00403", "request_id");
        return rows;
    }

    /** The line (header = 1) of each refused row of the errors file: the BAD-nnn rows and the last line's repeated request id. */
    private static Map<String, Integer> lineNumbers(Path errors) {
        List<String> lines = ProvinceData.lines(errors);
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String requestId = lines.get(i).substring(0, lines.get(i).indexOf(','));
            if (requestId.startsWith("BAD-")) {
                numbers.put(requestId, i + 1);
            }
        }
        String last = lines.get(lines.size() - 1);
        numbers.put(last.substring(0, last.indexOf(',')), lines.size());
        assertThat(numbers.keySet()).as("refused rows found in %s", errors).isEqualTo(BAD_ROWS.keySet());
        return numbers;
    }

    private static List<String> expectedRefusals(Map<String, Integer> lines) {
        return BAD_ROWS.entrySet().stream().map(e -> lines.get(e.getKey()) + " " + e.getKey() + " " + e.getValue()).toList();
    }

    /** Each refused row is on stderr exactly once, on one line naming its line, request id and column; no other row is. */
    private static void assertRefusalsOnStderr(Cli.Result result, Map<String, Integer> lines) {
        List<String> stderr = result.err().lines().toList();
        for (Map.Entry<String, String> bad : BAD_ROWS.entrySet()) {
            String line = "line " + lines.get(bad.getKey()) + ":";
            List<String> naming = stderr.stream().filter(l -> l.contains(line)).toList();
            assertThat(naming).as("stderr lines naming %s\n%s", line, result).hasSize(1);
            assertThat(naming.get(0)).as(result.toString()).contains(bad.getKey()).contains("field " + bad.getValue());
        }
        assertThat(stderr.stream().filter(l -> l.matches(".*: line \\d+: .*"))).as("refusals on stderr\n%s", result)
                .hasSize(BAD_ROWS.size());
    }


    private static Set<String> requestIds(Path csv) {
        return Csv.rows(csv).stream().map(r -> r.get("request_id")).collect(Collectors.toSet());
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
