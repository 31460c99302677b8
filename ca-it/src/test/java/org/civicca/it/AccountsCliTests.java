package org.civicca.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * An administrator gives a clerk of so-tc an account and a token with the CLI; the clerk then sees and revokes only
 * so-tc's certificates, and is shut out at once when the token is revoked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountsCliTests {

    private static Path folder;
    private static Service service;
    private static Cli cli;
    private static List<Map<String, String>> enrolled;
    private static List<Map<String, String>> rows;
    private static String clerkId;
    private static Path clerkToken;
    private static String tokenId;

    @BeforeAll
    static void startServiceAndEnroll() {
        folder = TempFolders.create("accounts");
        service = Service.start(folder.resolve("ca-home"));
        cli = new Cli(service, folder);
        Path csv = ProvinceData.enrollmentRows(501, 530, folder.resolve("rows.csv"));
        Cli.Result agencies = cli.run("agencies", "import", ProvinceData.file("agencies.csv").toString());
        Cli.Result enroll = cli.run("enroll", "--csv", csv.toString(), "--out", folder.resolve("out").toString());
        if (agencies.exitCode() != 0 || enroll.exitCode() != 0) {
            throw new IllegalStateException("cannot set up\n" + agencies + "\n" + enroll);
        }
        enrolled = Csv.rows(folder.resolve("out").resolve("manifest.csv"));
        rows = Csv.rows(csv);
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
    void anAdminCreatesAClerkAndATokenWhoseSecretGoesToStdoutOnly() throws IOException {
        Cli.Result created = cli.run("--json", "accounts", "create", "--name", "clerk.so-tc", "--role", "CLERK", "--agency", "so-tc");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        clerkId = (String) ((Map<?, ?>) Json.parse(created.out())).get("id");

        Cli.Result token = cli.run("tokens", "create", "--account", clerkId, "--expires-in-days", "7");
        assertThat(token.exitCode()).as(token.toString()).isZero();
        assertThat(token.out().strip()).startsWith("cca_").doesNotContain(" ");
        assertThat(token.err()).as(token.toString()).doesNotContain(token.out().strip()).contains("shown only once");
        clerkToken = folder.resolve("clerk.token");
        Files.writeString(clerkToken, token.out());

        Cli.Result listed = cli.run("--json", "tokens", "list", "--account", clerkId);
        assertThat(listed.out()).as(listed.toString()).doesNotContain(token.out().strip());
        tokenId = (String) ((Map<?, ?>) ((List<?>) Json.parse(listed.out())).get(0)).get("id");

        Cli.Result accounts = cli.run("accounts", "list");
        assertThat(accounts.out()).as(accounts.toString()).contains("clerk.so-tc").contains("CLERK").contains("so-tc");
    }

    @Test
    @Order(2)
    void theClerkSeesOnlyItsAgencyAndCannotRevokeAnotherAgencysCertificate() {
        Cli.Result summary = cli.run("--token-file", clerkToken.toString(), "--json", "report", "summary");
        assertThat(summary.exitCode()).as(summary.toString()).isZero();
        Map<?, ?> byAgency = (Map<?, ?>) ((Map<?, ?>) Json.parse(summary.out())).get("byAgency");
        long ownRows = rows.stream().filter(r -> r.get("agency").equals("so-tc")).count();
        assertThat(byAgency.keySet()).as(summary.toString()).allMatch("so-tc"::equals);
        assertThat(((Number) ((Map<?, ?>) Json.parse(summary.out())).get("total")).longValue()).isEqualTo(ownRows);

        String foreignSerial = serialOfAgency(false);
        Cli.Result refused = cli.run("--token-file", clerkToken.toString(), "revoke", "--serial", foreignSerial, "--reason", "keyCompromise");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).as(refused.toString()).contains("no certificate with serial");
    }

    @Test
    @Order(3)
    void theClerkRevokesItsOwnWithATicketButNeverWithdrawsPrivilege() {
        String own = serialOfAgency(true);
        Cli.Result withdrawn = cli.run("--token-file", clerkToken.toString(), "revoke", "--serial", own, "--reason", "privilegeWithdrawn");
        assertThat(withdrawn.exitCode()).as(withdrawn.toString()).isEqualTo(1);
        assertThat(withdrawn.err()).as(withdrawn.toString()).contains("privilegeWithdrawn");

        Cli.Result revoked = cli.run("--token-file", clerkToken.toString(), "revoke", "--serial", own, "--reason", "keyCompromise",
                "--ticket", "HD-2026/0042");
        assertThat(revoked.exitCode()).as(revoked.toString()).isZero();
        assertThat(revoked.out()).as(revoked.toString()).contains("revoked (keyCompromise)");
    }

    @Test
    @Order(4)
    void aRevokedTokenIsRefusedAtOnce() {
        Cli.Result revoked = cli.run("tokens", "revoke", tokenId);
        assertThat(revoked.exitCode()).as(revoked.toString()).isZero();

        Cli.Result status = cli.run("--token-file", clerkToken.toString(), "status");
        assertThat(status.exitCode()).as(status.toString()).isEqualTo(3);
        assertThat(status.err()).as(status.toString()).contains("refused the API token");
    }

    @Test
    @Order(5)
    void aClerkCannotManageAccounts() throws IOException {
        Cli.Result created = cli.run("--json", "accounts", "create", "--name", "clerk2.so-tc", "--role", "CLERK", "--agency", "so-tc");
        String id = (String) ((Map<?, ?>) Json.parse(created.out())).get("id");
        Cli.Result token = cli.run("tokens", "create", "--account", id);
        Path file = folder.resolve("clerk2.token");
        Files.writeString(file, token.out());

        Cli.Result refused = cli.run("--token-file", file.toString(), "accounts", "list");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).as(refused.toString()).contains("may not do this");
    }

    @Test
    @Order(6)
    void theAuditChainVerifiesClientSideAndRecordsTheRefusals() {
        Cli.Result signed = cli.run("audit", "verify");
        assertThat(signed.exitCode()).as(signed.toString()).isZero();
        assertThat(signed.out()).as(signed.toString()).contains("audit chain intact");

        Cli.Result json = cli.run("--json", "audit", "verify");
        Map<?, ?> verdict = (Map<?, ?>) Json.parse(json.out());
        assertThat(verdict.get("intact")).isEqualTo(true);
        assertThat(((Number) verdict.get("entries")).longValue()).isGreaterThan(30);

        String fingerprint = (String) verdict.get("auditKeySha256");
        assertThat(cli.run("audit", "verify", "--expect-key", fingerprint).exitCode()).isZero();
        Cli.Result other = cli.run("audit", "verify", "--expect-key", "00".repeat(32));
        assertThat(other.exitCode()).as(other.toString()).isEqualTo(1);
        assertThat(other.err()).as(other.toString()).contains("is not the expected");
    }

    @Test
    @Order(7)
    void aClerksEnrollmentIsHeldForApprovalRowByRowWithTheKeysKeptInTheJournal() throws IOException {
        Cli.Result created = cli.run("--json", "accounts", "create", "--name", "clerk3.so-tc", "--role", "CLERK", "--agency", "so-tc");
        String id = (String) ((Map<?, ?>) Json.parse(created.out())).get("id");
        Path token = folder.resolve("clerk3.token");
        Files.writeString(token, cli.run("tokens", "create", "--account", id).out());
        List<String> ownRows = ProvinceData.lines(ProvinceData.file("enrollment.csv")).stream().skip(531)
                .filter(line -> line.split(",")[2].equals("so-tc")).limit(8).toList();
        String header = ProvinceData.lines(ProvinceData.file("enrollment.csv")).get(0);

        // In batches, then one row a request: both ways, every row is held for approval and nothing is written.
        for (int half = 0; half < 2; half++) {
            Path csv = Files.write(folder.resolve("clerk-rows-" + half + ".csv"),
                    Stream.concat(Stream.of(header), ownRows.subList(half * 4, half * 4 + 4).stream()).toList());
            Path out = folder.resolve("clerk-out-" + half);

            Cli.Result result = cli.run("--token-file", token.toString(), "enroll", "--csv", csv.toString(), "--out", out.toString(),
                    "--batch-size", half == 0 ? "25" : "1");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.err().lines().filter(l -> l.contains("(PENDING): a clerk's request needs an officer's approval")))
                    .as(result.toString()).hasSize(4);
            assertThat(EnrollmentFolder.p12Files(out)).as("no .p12 before approval").isEmpty();
            assertThat(Files.readAllLines(out.resolve(".journal/journal.log"))).as("the keys kept for a later run").hasSize(4);
        }
    }

    private static String serialOfAgency(boolean own) {
        for (Map<String, String> done : enrolled) {
            String agency = rows.stream().filter(r -> r.get("request_id").equals(done.get("request_id"))).findFirst().orElseThrow()
                    .get("agency");
            if (agency.equals("so-tc") == own) {
                return done.get("serial");
            }
        }
        throw new IllegalStateException("rows 501-530 hold no certificate " + (own ? "of" : "outside") + " so-tc");
    }
}
