package org.civicca.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.civicca.api.ApiClient;
import org.civicca.api.Problems;
import org.civicca.api.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Four eyes: a clerk's request waits, and only an officer who did not make it decides it; then it is issued or not. */
class ApprovalTests extends ServiceTest {

    private static final String CERTIFICATES = "/api/v1/certificates";

    @Autowired
    JdbcClient jdbc;

    private TestAccounts.Account clerk;
    private TestAccounts.Account otherClerk;
    private TestAccounts.Account officer;

    @BeforeEach
    void accounts() {
        clerk = TestAccounts.create(api, port, "CLERK", "so-tc");
        otherClerk = TestAccounts.create(api, port, "CLERK", "so-tp");
        officer = TestAccounts.create(api, port, "OFFICER", null);
    }

    @Test
    void aClerksRequestWaitsThenAnOfficerApprovesAndItIsIssued() {
        long certificates = certificateTotal();
        ApiClient.Response submitted = clerk.client().post(CERTIFICATES, TestAccounts.personal("so-tc"));

        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        JsonNode request = submitted.json();
        assertThat(request.get("state").asString()).isEqualTo("PENDING");
        assertThat(submitted.header("Location")).isEqualTo("/api/v1/requests/" + request.get("id").asString());
        assertThat(certificateTotal()).as("nothing is issued before approval").isEqualTo(certificates);
        String id = request.get("id").asString();
        assertThat(clerk.client().get("/api/v1/requests?state=PENDING").text()).contains(id);
        assertThat(otherClerk.client().get("/api/v1/requests").text()).doesNotContain(id);
        Problems.assertProblem(otherClerk.client().get("/api/v1/requests/" + id), 404, "unknown-request");

        ApiClient.Response approved = officer.client().post("/api/v1/requests/" + id + "/approval", Map.of());

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().get("decidedBy").asString()).isEqualTo(officer.name());
        String serial = approved.json().get("serial").asString();
        assertThat(clerk.client().get(CERTIFICATES + "/" + serial).json().get("agency").asString()).isEqualTo("so-tc");
        assertThat(certificateTotal()).isEqualTo(certificates + 1);
        assertThat(audited("request.submitted", id)).isEqualTo(1);
        assertThat(audited("request.approved", id)).isEqualTo(1);
        Problems.assertProblem(officer.client().post("/api/v1/requests/" + id + "/rejection", Map.of("reason", "late")), 409, "request-decided");
    }

    @Test
    void anOfficerRejectsWithAReasonAndNothingIsIssued() {
        long certificates = certificateTotal();
        String id = clerk.client().post(CERTIFICATES, TestAccounts.personal("so-tc")).json().get("id").asString();

        Problems.assertProblem(officer.client().post("/api/v1/requests/" + id + "/rejection", Map.of()), 422, "invalid-field");
        ApiClient.Response rejected = officer.client().post("/api/v1/requests/" + id + "/rejection",
                Map.of("reason", "Hồ sơ thiếu quyết định bổ nhiệm"));

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.json().get("state").asString()).isEqualTo("REJECTED");
        assertThat(clerk.client().get("/api/v1/requests/" + id).json().get("reason").asString()).isEqualTo("Hồ sơ thiếu quyết định bổ nhiệm");
        Problems.assertProblem(officer.client().post("/api/v1/requests/" + id + "/approval", Map.of()), 409, "request-decided");
        assertThat(certificateTotal()).isEqualTo(certificates);
    }

    @Test
    void neitherTheRequesterNorAnyClerkMayDecide() {
        String id = clerk.client().post(CERTIFICATES, TestAccounts.personal("so-tc")).json().get("id").asString();

        Problems.assertProblem(clerk.client().post("/api/v1/requests/" + id + "/approval", Map.of()), 403, "forbidden");
        Problems.assertProblem(otherClerk.client().post("/api/v1/requests/" + id + "/approval", Map.of()), 403, "forbidden");
        Problems.assertProblem(clerk.client().post("/api/v1/requests/" + id + "/rejection", Map.of("reason", "x")), 403, "forbidden");

        assertThat(api.get("/api/v1/requests/" + id).json().get("state").asString()).isEqualTo("PENDING");
    }

    @Test
    void theRequesterCannotApproveItsOwnRequestWhateverItsRole() {
        String id = clerk.client().post(CERTIFICATES, TestAccounts.personal("so-tc")).json().get("id").asString();
        // Promote the requester's account in the database: four eyes must still hold for this one request.
        jdbc.sql("UPDATE account SET role = 'OFFICER', agency = NULL WHERE id = ?").param(clerk.id()).update();

        Problems.assertProblem(clerk.client().post("/api/v1/requests/" + id + "/approval", Map.of()), 403, "forbidden");
        assertThat(api.get("/api/v1/requests/" + id).json().get("state").asString()).isEqualTo("PENDING");
    }

    @Test
    void aRequestIdNamesOneRequestAndABadRequestNeverWaits() {
        String requestId = "VP-APPR-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = TestAccounts.personal("so-tc");
        body.put("requestId", requestId);
        ApiClient.Response first = clerk.client().post(CERTIFICATES, body);
        ApiClient.Response again = clerk.client().post(CERTIFICATES, body);
        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());

        Map<String, Object> different = TestAccounts.personal("so-tc");
        different.put("requestId", requestId);
        Problems.assertProblem(clerk.client().post(CERTIFICATES, different), 409, "request-id-conflict");

        long waiting = jdbc.sql("SELECT COUNT(*) FROM certificate_request").query(Long.class).single();
        Map<String, Object> bad = TestAccounts.personal("so-tc");
        bad.put("csr", "not a CSR");
        Problems.assertProblem(clerk.client().post(CERTIFICATES, bad), 400, "bad-csr");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM certificate_request").query(Long.class).single()).isEqualTo(waiting);
    }

    private long certificateTotal() {
        return api.get(CERTIFICATES + "?size=1").json().get("total").asLong();
    }

    private long audited(String action, String target) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND target = ?").params(action, target).query(Long.class).single();
    }
}
