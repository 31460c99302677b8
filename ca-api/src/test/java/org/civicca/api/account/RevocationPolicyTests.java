package org.civicca.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.civicca.api.ApiClient;
import org.civicca.api.Problems;
import org.civicca.api.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Who may revoke with which reason: clerks hold, release and revoke their own agency's certificates but never
 * withdraw privileges; officers and admins may. The account and the ticket behind each revocation are kept.
 */
class RevocationPolicyTests extends ServiceTest {

    private static TestAccounts.Account clerk;
    private static TestAccounts.Account otherClerk;
    private static TestAccounts.Account officer;
    private static TestAccounts.Account auditor;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void accounts() {
        if (clerk == null) {
            clerk = TestAccounts.create(api, port, "CLERK", "so-tc");
            otherClerk = TestAccounts.create(api, port, "CLERK", "so-tp");
            officer = TestAccounts.create(api, port, "OFFICER", null);
            auditor = TestAccounts.create(api, port, "AUDITOR", null);
        }
    }

    @Test
    void aClerkHoldsReleasesAndRevokesItsAgencysCertificate() {
        String serial = TestAccounts.issue(api, "so-tc");

        JsonNode held = revoke(clerk.client(), serial, Map.of("reason", "certificateHold"), 200);
        assertThat(held.get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(stored(serial).revokedBy()).isEqualTo(clerk.name());

        ApiClient.Response released = clerk.client().post(certificate(serial) + "/release", Map.of());
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assertThat(released.json().get("status").asString()).isEqualTo("ISSUED");
        assertThat(status(serial)).isEqualTo("ISSUED");

        JsonNode revoked = revoke(clerk.client(), serial, Map.of("reason", "keyCompromise"), 200);
        assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.get("revocation").get("reason").asString()).isEqualTo("keyCompromise");
        assertThat(status(serial)).isEqualTo("REVOKED");
        assertThat(stored(serial).revokedBy()).isEqualTo(clerk.name());
    }

    @ParameterizedTest(name = "{0} by {1}: {2}, then {3}")
    @CsvSource({
            "unspecified,          CLERK,   200, REVOKED",
            "keyCompromise,        CLERK,   200, REVOKED",
            "affiliationChanged,   CLERK,   200, REVOKED",
            "superseded,           CLERK,   200, REVOKED",
            "cessationOfOperation, CLERK,   200, REVOKED",
            "certificateHold,      CLERK,   200, ON_HOLD",
            "privilegeWithdrawn,   CLERK,   403, ISSUED",
            "keyCompromise,        OFFICER, 200, REVOKED",
            "certificateHold,      OFFICER, 200, ON_HOLD",
            "privilegeWithdrawn,   OFFICER, 200, REVOKED",
            "privilegeWithdrawn,   ADMIN,   200, REVOKED",
            "keyCompromise,        AUDITOR, 403, ISSUED",
            "certificateHold,      AUDITOR, 403, ISSUED"})
    void whoMayRevokeWithWhichReason(String reason, String role, int expected, String statusAfter) {
        String serial = TestAccounts.issue(api, "so-tc");
        long events = auditEvents();

        ApiClient.Response response = caller(role).post(certificate(serial) + "/revocation", Map.of("reason", reason));

        if (expected == 200) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().get("revocation").get("reason").asString()).isEqualTo(reason);
            assertThat(stored(serial).revokedBy()).isEqualTo(name(role));
            assertThat(auditEvents()).isEqualTo(events + 1);
        } else {
            JsonNode problem = Problems.assertProblem(response, expected, "forbidden");
            assertThat(problem.path("detail").asString()).doesNotContain(serial);
            assertThat(stored(serial).revokedBy()).isNull();
            assertThat(auditEvents()).isEqualTo(events);
        }
        assertThat(status(serial)).isEqualTo(statusAfter);
    }

    @Test
    void aClerkCannotWithdrawPrivilegesFromAHeldCertificateEither() {
        String serial = TestAccounts.issue(api, "so-tc");
        revoke(officer.client(), serial, Map.of("reason", "certificateHold", "ticket", "HD-2026/0100"), 200);
        long events = auditEvents();

        Problems.assertProblem(clerk.client().post(certificate(serial) + "/revocation", Map.of("reason", "privilegeWithdrawn")), 403,
                "forbidden");

        assertThat(status(serial)).isEqualTo("ON_HOLD");
        assertThat(stored(serial)).isEqualTo(new Revoker(officer.name(), "HD-2026/0100"));
        assertThat(auditEvents()).isEqualTo(events);
    }

    @Test
    void anOfficerMakesAClerksHoldFinalWithPrivilegeWithdrawn() {
        String serial = TestAccounts.issue(officer.client(), "so-tc");
        revoke(clerk.client(), serial, Map.of("reason", "certificateHold", "ticket", "YC-01"), 200);

        JsonNode revoked = revoke(officer.client(), serial, Map.of("reason", "privilegeWithdrawn", "ticket", "QĐ-2026/17"), 200);

        assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
        assertThat(stored(serial)).isEqualTo(new Revoker(officer.name(), "QĐ-2026/17"));
    }

    @Test
    void theTicketAndTheRevokingAccountAreStored() {
        String serial = TestAccounts.issue(api, "so-tc");
        String ticket = "HD-2026/0042 (công văn số 15)";

        revoke(clerk.client(), serial, Map.of("reason", "superseded", "ticket", ticket), 200);

        assertThat(stored(serial)).isEqualTo(new Revoker(clerk.name(), ticket));
        assertThat(jdbc.sql("SELECT actor || ' ' || detail FROM audit_event WHERE action = 'certificate.revoked' AND target = ?")
                .param(serial).query(String.class).single()).isEqualTo(clerk.name() + " reason=superseded; ticket=" + ticket);
    }

    @Test
    void withoutATicketNoneIsStored() {
        String serial = TestAccounts.issue(api, "so-tc");

        revoke(officer.client(), serial, Map.of("reason", "keyCompromise"), 200);

        assertThat(stored(serial)).isEqualTo(new Revoker(officer.name(), null));
    }

    @Test
    void theLongestTicketIsStoredWhole() {
        String serial = TestAccounts.issue(api, "so-tc");
        String ticket = "T".repeat(128);

        revoke(officer.client(), serial, Map.of("reason", "keyCompromise", "ticket", ticket), 200);

        assertThat(stored(serial).ticket()).isEqualTo(ticket);
    }

    @Test
    void aReleaseForgetsWhoHeldTheCertificateAndWhy() {
        String serial = TestAccounts.issue(api, "so-tc");
        revoke(clerk.client(), serial, Map.of("reason", "certificateHold", "ticket", "HD-7"), 200);
        assertThat(stored(serial)).isEqualTo(new Revoker(clerk.name(), "HD-7"));

        assertThat(clerk.client().post(certificate(serial) + "/release", Map.of()).status()).isEqualTo(200);

        assertThat(stored(serial)).isEqualTo(new Revoker(null, null));
    }

    @ParameterizedTest(name = "ticket {0}")
    @ValueSource(strings = {"HD-\u00072026", "HD-2026\n0042", "HD\t1", "HD-\u0000", "HD-\u202e2026", "HD-\u200b1", "129"})
    void aTicketWithControlCharactersOrTooLongIsRefused(String ticket) {
        String value = ticket.equals("129") ? "T".repeat(129) : ticket;
        String serial = TestAccounts.issue(api, "so-tc");
        long events = auditEvents();

        JsonNode problem = Problems.assertProblem(
                officer.client().post(certificate(serial) + "/revocation", Map.of("reason", "keyCompromise", "ticket", value)), 422,
                "invalid-field");

        assertThat(problem.get("field").asString()).isEqualTo("ticket");
        assertThat(status(serial)).isEqualTo("ISSUED");
        assertThat(stored(serial)).isEqualTo(new Revoker(null, null));
        assertThat(auditEvents()).isEqualTo(events);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"hold, certificateHold", "revoke, keyCompromise", "withdraw, privilegeWithdrawn"})
    void aClerkOfAnotherAgencyFindsNoCertificateToRevoke(String what, String reason) {
        String serial = TestAccounts.issue(api, "so-tc");
        long events = auditEvents();

        Problems.assertProblem(otherClerk.client().post(certificate(serial) + "/revocation", Map.of("reason", reason)), 404,
                "unknown-certificate");

        assertThat(status(serial)).isEqualTo("ISSUED");
        assertThat(stored(serial)).isEqualTo(new Revoker(null, null));
        assertThat(auditEvents()).isEqualTo(events);
    }

    @Test
    void aClerkOfAnotherAgencyCannotReleaseAHold() {
        String serial = TestAccounts.issue(api, "so-tc");
        revoke(clerk.client(), serial, Map.of("reason", "certificateHold"), 200);
        long events = auditEvents();

        Problems.assertProblem(otherClerk.client().post(certificate(serial) + "/release", Map.of()), 404, "unknown-certificate");

        assertThat(status(serial)).isEqualTo("ON_HOLD");
        assertThat(stored(serial).revokedBy()).isEqualTo(clerk.name());
        assertThat(auditEvents()).isEqualTo(events);
    }

    @Test
    void anOfficerRevokesEveryAgencysCertificates() {
        String tc = TestAccounts.issue(api, "so-tc");
        String tp = TestAccounts.issue(api, "so-tp");

        revoke(officer.client(), tc, Map.of("reason", "cessationOfOperation"), 200);
        revoke(officer.client(), tp, Map.of("reason", "privilegeWithdrawn"), 200);

        assertThat(status(tc)).isEqualTo("REVOKED");
        assertThat(status(tp)).isEqualTo("REVOKED");
    }

    @Test
    void aRefusedReasonIsCheckedBeforeTheTicket() {
        String serial = TestAccounts.issue(api, "so-tc");

        Problems.assertProblem(clerk.client().post(certificate(serial) + "/revocation",
                Map.of("reason", "privilegeWithdrawn", "ticket", "bad\u0007")), 403, "forbidden");

        assertThat(status(serial)).isEqualTo("ISSUED");
    }

    private JsonNode revoke(ApiClient client, String serial, Map<String, Object> body, int expected) {
        ApiClient.Response response = client.post(certificate(serial) + "/revocation", new HashMap<>(body));
        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        return response.json();
    }

    private ApiClient caller(String role) {
        return switch (role) {
            case "ADMIN" -> api;
            case "OFFICER" -> officer.client();
            case "CLERK" -> clerk.client();
            case "AUDITOR" -> auditor.client();
            default -> throw new IllegalArgumentException(role);
        };
    }

    private static String name(String role) {
        return switch (role) {
            case "ADMIN" -> "admin";
            case "OFFICER" -> officer.name();
            case "CLERK" -> clerk.name();
            case "AUDITOR" -> auditor.name();
            default -> throw new IllegalArgumentException(role);
        };
    }

    private String status(String serial) {
        ApiClient.Response response = api.get(certificate(serial));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("status").asString();
    }

    private Revoker stored(String serial) {
        return jdbc.sql("SELECT revoked_by, revocation_ticket FROM certificate WHERE serial = ?").param(serial)
                .query((rs, n) -> new Revoker(rs.getString(1), rs.getString(2))).single();
    }

    /** Audit entries written on behalf of API callers (the scheduler's own CRLs are recorded by "system"). */
    private long auditEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor <> 'system' AND outcome = 'ok'").query(Long.class).single();
    }

    private static String certificate(String serial) {
        return "/api/v1/certificates/" + serial;
    }

    private record Revoker(String revokedBy, String ticket) {
    }
}
