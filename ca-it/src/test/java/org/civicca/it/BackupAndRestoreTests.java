package org.civicca.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The CA's machine is lost: the administrator restores the last backup into a fresh ca.home and starts the service
 * there. What the backup held is back (certificates, the revocation, accounts and tokens), the CA keeps issuing with
 * CRL numbers above the last one before the backup, and the audit chain verifies; a certificate issued after the backup
 * is not there, as a backup is a point in time. Backups are for admins only, and restore never writes over a home.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupAndRestoreTests {

    private static final String ISSUING = "vinhphuc-issuing";

    private static Path folder;
    private static Service service;
    private static Cli cli;
    private static Api api;
    private static Path backup;
    private static Path restoredHome;
    private static Service restored;
    private static List<String> serials;
    private static String revokedSerial;
    private static String issuedAfterBackup;
    private static long crlNumberAtBackup;

    @BeforeAll
    static void startServiceIssueRevokeAndPublish() {
        folder = TempFolders.create("backup");
        service = Service.start(folder.resolve("ca-home"));
        cli = new Cli(service, folder);
        api = new Api(service);
        backup = folder.resolve("backups").resolve("civicca.zip");
        restoredHome = folder.resolve("restored-home");
        require(cli.run("agencies", "import", ProvinceData.file("agencies.csv").toString()));
        serials = enroll(cli, 601, 605, "enrolled");
        revokedSerial = serials.get(0);
        require(cli.run("revoke", "--serial", revokedSerial, "--reason", "keyCompromise"));
        require(cli.run("crl", "publish", "--out", folder.resolve("www").toString(), "--fresh"));
        crlNumberAtBackup = crlNumber(api, ISSUING);
    }

    @AfterAll
    static void stopServices() {
        for (Service running : new Service[] {service, restored}) {
            if (running != null) {
                running.close();
            }
        }
        TempFolders.delete(folder);
    }

    @Test
    @Order(1)
    void aBackupIsOneOwnerOnlyArchiveOfTheDatabaseAndKeystoreWithoutSecrets() throws IOException {
        Cli.Result result = cli.run("backup", "--out", backup.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).as(result.toString()).contains("written to " + backup).contains("password is not in the backup");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(backup.getParent())) {
            assertThat(files.toList()).as("no temporary file left").containsExactly(backup);
        }
        String password = Files.readString(service.home().resolve("keystore/keystore.password")).strip();
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            assertThat(Collections.list(zip.entries()).stream().map(ZipEntry::getName))
                    .containsExactlyInAnyOrder("db/ca.mv.db", "keystore/ca.p12", "manifest.json");
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String content = read(zip, entry);
                assertThat(content).as(entry.getName()).doesNotContain(password).doesNotContain(service.adminToken());
            }
            String manifest = read(zip, zip.getEntry("manifest.json"));
            Map<?, ?> parsed = (Map<?, ?>) Json.parse(manifest);
            assertThat(parsed.get("database")).isEqualTo("H2");
            assertThat(((List<?>) parsed.get("authorities")).stream().map(a -> (Map<?, ?>) a))
                    .anySatisfy(a -> assertThat(List.of(a.get("name"), a.get("crlNumber"))).containsExactly(ISSUING, crlNumberAtBackup));
            assertThat((String) parsed.get("keystorePassword")).startsWith("not included");
        }
        String audit = api.get("/api/v1/audit?action=backup.made");
        assertThat(audit).contains("backup.made").contains("crlNumbers=").doesNotContain(password);
    }

    @Test
    @Order(2)
    void anOfficerMayNotMakeABackup() throws IOException {
        Cli.Result account = cli.run("--json", "accounts", "create", "--name", "officer.backup", "--role", "OFFICER");
        require(account);
        Cli.Result token = cli.run("tokens", "create", "--account", (String) ((Map<?, ?>) Json.parse(account.out())).get("id"));
        require(token);
        Path tokenFile = folder.resolve("officer.token");
        Files.writeString(tokenFile, token.out());

        HttpResponse<String> refused = api.postAs(token.out().strip(), "/api/v1/backups");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("urn:civicca:problem:forbidden");

        Path out = folder.resolve("officer").resolve("backup.zip");
        Cli.Result cliRefused = cli.run("--token-file", tokenFile.toString(), "backup", "--out", out.toString());
        assertThat(cliRefused.exitCode()).as(cliRefused.toString()).isNotZero();
        assertOneLineError(cliRefused);
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files.toList()).as("nothing written").isEmpty();
        }
    }

    @Test
    @Order(3)
    void aCertificateIssuedAfterTheBackupIsOnTheOldServiceOnly() {
        issuedAfterBackup = enroll(cli, 606, 606, "after-backup").get(0);
        assertThat(api.statusOf(issuedAfterBackup)).isEqualTo("ISSUED");
        service.close();
    }

    @Test
    @Order(4)
    void restoreRefusesAHomeThatIsNotEmptyAndChangesNothing() throws IOException {
        List<Path> before = tree(service.home());

        Cli.Result result = cli.run("restore", "--from", backup.toString(), "--home", service.home().toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertOneLineError(result);
        assertThat(result.err()).contains("is not empty");
        assertThat(tree(service.home())).isEqualTo(before);
    }

    @Test
    @Order(5)
    void restoreRefusesABackupWhoseFilesDoNotMatchItsManifest() throws IOException {
        Path damaged = folder.resolve("damaged.zip");
        try (ZipFile zip = new ZipFile(backup.toFile()); OutputStream file = Files.newOutputStream(damaged);
             ZipOutputStream copy = new ZipOutputStream(file)) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                byte[] content = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("keystore/ca.p12")) {
                    content[content.length / 2] ^= 1;
                }
                copy.putNextEntry(new ZipEntry(entry.getName()));
                copy.write(content);
                copy.closeEntry();
            }
        }
        Path home = folder.resolve("damaged-home");

        Cli.Result result = cli.run("restore", "--from", damaged.toString(), "--home", home.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertOneLineError(result);
        assertThat(result.err()).contains("damaged").contains("keystore/ca.p12");
        assertThat(home).doesNotExist();
        try (Stream<Path> siblings = Files.list(folder)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("restoring"));
        }
    }

    @Test
    @Order(6)
    void aRestoredHomeRefusesToStartWithoutItsKeystorePassword() throws IOException {
        Cli.Result result = cli.run("restore", "--from", backup.toString(), "--home", restoredHome.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).as(result.toString()).contains("keystore.password").contains("--ca.home=" + restoredHome);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restoredHome))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restoredHome.resolve("keystore/ca.p12"))))
                .isEqualTo("rw-------");
        assertThat(restoredHome.resolve("db/ca.mv.db")).isRegularFile();
        // The administrator's token of that time: the restored database holds its hash, the file is the administrator's copy.
        Files.writeString(restoredHome.resolve("admin.token"), service.adminToken());

        assertThatThrownBy(() -> Service.start(restoredHome)).hasMessageContaining("exists but no password for it was given");
        assertThat(restoredHome.resolve("keystore/keystore.password")).doesNotExist();
    }

    @Test
    @Order(7)
    void theRestoredServiceHoldsWhatTheBackupHeldAndNothingLater() throws IOException {
        Files.copy(service.home().resolve("keystore/keystore.password"), restoredHome.resolve("keystore/keystore.password"));
        restored = Service.start(restoredHome);
        Api restoredApi = new Api(restored);

        assertThat(restoredApi.statusOf(revokedSerial)).isEqualTo("REVOKED");
        for (String serial : serials.subList(1, serials.size())) {
            assertThat(restoredApi.statusOf(serial)).as(serial).isEqualTo("ISSUED");
        }
        assertThat(restoredApi.fetch("/api/v1/certificates/" + issuedAfterBackup).statusCode()).isEqualTo(404);
        assertThat(restoredApi.get("/api/v1/accounts")).as("an account made after the backup").doesNotContain("officer.backup");
    }

    @Test
    @Order(8)
    void theRestoredServiceIssuesAndItsCrlNumbersContinue() {
        Cli restoredCli = new Cli(restored, folder);
        Api restoredApi = new Api(restored);

        String issued = enroll(restoredCli, 607, 608, "after-restore").get(0);
        require(restoredCli.run("crl", "publish", "--out", folder.resolve("www-restored").toString(), "--fresh"));

        assertThat(restoredApi.statusOf(issued)).isEqualTo("ISSUED");
        assertThat(crlNumber(restoredApi, ISSUING)).isGreaterThan(crlNumberAtBackup);
    }

    @Test
    @Order(9)
    void theRestoredAuditChainVerifies() {
        Cli.Result result = new Cli(restored, folder).run("audit", "verify");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("intact");
    }

    private static List<String> enroll(Cli cli, int first, int last, String name) {
        Path csv = ProvinceData.enrollmentRows(first, last, folder.resolve(name + ".csv"));
        Path out = folder.resolve(name);
        require(cli.run("enroll", "--csv", csv.toString(), "--out", out.toString()));
        return Csv.rows(out.resolve("manifest.csv")).stream().map(row -> row.get("serial")).toList();
    }

    private static long crlNumber(Api api, String ca) {
        List<?> cas = (List<?>) Json.parse(api.get("/api/v1/cas"));
        return cas.stream().map(c -> (Map<?, ?>) c).filter(c -> ca.equals(c.get("name")))
                .map(c -> ((Number) c.get("crlNumber")).longValue()).findFirst().orElseThrow();
    }

    private static void require(Cli.Result result) {
        if (result.exitCode() != 0) {
            throw new IllegalStateException("cannot set up\n" + result);
        }
    }

    private static void assertOneLineError(Cli.Result result) {
        assertThat(result.err().strip().lines().toList()).as("one error line\n%s", result).hasSize(1);
        assertThat(result.err()).as(result.toString()).startsWith("civicca: ").doesNotContain("Exception");
    }

    private static String read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static List<Path> tree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return new ArrayList<>(paths.sorted().toList());
        }
    }
}
