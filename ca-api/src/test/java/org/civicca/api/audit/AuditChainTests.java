package org.civicca.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.civicca.api.ApiClient;
import org.civicca.api.TestHomes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail is a signed hash chain: every entry carries who, from where and with which outcome, and a change,
 * deletion, insertion or swap made directly in the database is named at the first entry it breaks. Each test puts
 * back what it tampered with. Its own service and database, since it rewrites rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ca.public-base-url=http://ca.test", "ca.api.auth-failures-per-minute=100000"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuditChainTests {

    private static final Path HOME = TestHomes.create("civicca-audit-home");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient api;

    @DynamicPropertySource
    static void caHome(DynamicPropertyRegistry registry) {
        registry.add("ca.home", HOME::toString);
    }

    @BeforeEach
    void makeSomeHistory() {
        api = ApiClient.asAdmin(port, HOME);
        for (int i = 0; i < 3; i++) {
            String code = "audit-" + UUID.randomUUID().toString().substring(0, 8);
            api.post("/api/v1/agencies", Map.of("code", code, "name", "Phòng Kiểm toán " + code, "taxCode", "2599999999", "locality", "Vĩnh Yên"));
        }
        api.anonymous("GET", "/api/v1/cas", Map.of("Authorization", "Bearer cca_wrong"));
        assertThat(verification().get("intact").asBoolean()).as("the chain is intact before tampering").isTrue();
    }

    @Test
    void entriesRecordActorTokenAddressOutcomeAndRequestId() {
        ApiClient.Response created = api.send(api.authorized("/api/v1/agencies").header("Content-Type", "application/json")
                .header("X-Request-Id", "ticket-4711").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"code\":\"audit-req\",\"name\":\"Phòng Yêu cầu\",\"taxCode\":\"2599999999\",\"locality\":\"Vĩnh Yên\"}")).build());
        assertThat(created.status()).isEqualTo(201);

        JsonNode entry = api.get("/api/v1/audit?action=agency.created&target=audit-req").json().get("items").get(0);
        assertThat(entry.get("actor").asString()).isEqualTo("admin");
        assertThat(entry.get("tokenId").asString()).isNotBlank();
        assertThat(entry.get("sourceAddress").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(entry.get("outcome").asString()).isEqualTo("ok");
        assertThat(entry.get("requestId").asString()).isEqualTo("ticket-4711");
        JsonNode refused = api.get("/api/v1/audit?action=authentication.failed&size=1").json().get("items").get(0);
        assertThat(refused.get("outcome").asString()).isEqualTo("refused");
    }

    @Test
    void aChangedEntryIsNamed() {
        long target = head() - 1;
        String detail = jdbc.sql("SELECT detail FROM audit_event WHERE sequence = ?").param(target).query(String.class).single();
        jdbc.sql("UPDATE audit_event SET detail = ? WHERE sequence = ?").params("nothing happened", target).update();
        try {
            assertBroken(target, "altered");
            ApiClient.Response inVietnamese = api.send(api.authorized("/api/v1/audit/verification")
                    .header("Accept-Language", "vi").GET().build());
            assertThat(inVietnamese.json().get("problem").asString())
                    .isEqualTo("bị sửa: mục " + target + " không khớp với giá trị băm của nó");
            assertThat(inVietnamese.json().get("firstBadSequence").asLong()).isEqualTo(target);
        } finally {
            jdbc.sql("UPDATE audit_event SET detail = ? WHERE sequence = ?").params(detail, target).update();
        }
    }

    @Test
    void aDeletedEntryIsNamed() {
        long target = head() - 1;
        Map<String, Object> row = jdbc.sql("SELECT * FROM audit_event WHERE sequence = ?").param(target).query().singleRow();
        jdbc.sql("DELETE FROM audit_event WHERE sequence = ?").param(target).update();
        try {
            assertBroken(target, "deleted");
        } finally {
            reinsert(row);
        }
    }

    @Test
    void anInsertedEntryIsNamed() {
        long last = head();
        String hash = jdbc.sql("SELECT entry_hash FROM audit_event WHERE sequence = ?").param(last).query(String.class).single();
        jdbc.sql("""
                INSERT INTO audit_event (sequence, occurred_at, actor, action, target, outcome, previous_hash, entry_hash)
                VALUES (?, CURRENT_TIMESTAMP, 'forger', 'certificate.issued', 'ff', 'ok', ?, ?)""")
                .params(last + 1, hash, "0".repeat(64)).update();
        try {
            assertBroken(last + 1, "altered");
        } finally {
            jdbc.sql("DELETE FROM audit_event WHERE sequence = ?").param(last + 1).update();
        }
    }

    @Test
    void swappedEntriesAreNamed() {
        long second = head() - 1;
        long first = second - 1;
        jdbc.sql("UPDATE audit_event SET sequence = -1 WHERE sequence = ?").param(first).update();
        jdbc.sql("UPDATE audit_event SET sequence = ? WHERE sequence = ?").params(first, second).update();
        jdbc.sql("UPDATE audit_event SET sequence = ? WHERE sequence = -1").param(second).update();
        try {
            JsonNode verdict = verification();
            assertThat(verdict.get("intact").asBoolean()).isFalse();
            assertThat(verdict.get("firstBadSequence").asLong()).isEqualTo(first);
        } finally {
            jdbc.sql("UPDATE audit_event SET sequence = -1 WHERE sequence = ?").param(first).update();
            jdbc.sql("UPDATE audit_event SET sequence = ? WHERE sequence = ?").params(first, second).update();
            jdbc.sql("UPDATE audit_event SET sequence = ? WHERE sequence = -1").param(second).update();
        }
        assertThat(verification().get("intact").asBoolean()).isTrue();
    }

    @Test
    void cuttingTheEndOffIsCaughtByTheSignedCheckpoint() {
        ApiClient.Response signed = api.post("/api/v1/audit/checkpoints", Map.of());
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        long last = head();
        Map<String, Object> row = jdbc.sql("SELECT * FROM audit_event WHERE sequence = ?").param(last).query().singleRow();
        jdbc.sql("DELETE FROM audit_event WHERE sequence = ?").param(last).update();
        try {
            assertBroken(last, "checkpoint");
        } finally {
            reinsert(row);
        }
        JsonNode verdict = verification();
        assertThat(verdict.get("intact").asBoolean()).isTrue();
        assertThat(verdict.get("checkpoints").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void onlyAdminsAndAuditorsReadTheTrail() {
        assertThat(api.anonymous("GET", "/api/v1/audit", Map.of()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/audit/key").text()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    private void assertBroken(long sequence, String problem) {
        JsonNode verdict = verification();
        assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isFalse();
        assertThat(verdict.get("firstBadSequence").asLong()).as(verdict.toString()).isEqualTo(sequence);
        assertThat(verdict.get("problem").asString()).as(verdict.toString()).contains(problem);
    }

    private JsonNode verification() {
        ApiClient.Response response = api.get("/api/v1/audit/verification");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private long head() {
        return jdbc.sql("SELECT MAX(sequence) FROM audit_event").query(Long.class).single();
    }

    private void reinsert(Map<String, Object> row) {
        StringBuilder columns = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (String column : row.keySet()) {
            columns.append(columns.isEmpty() ? "" : ", ").append(column);
            marks.append(marks.isEmpty() ? "?" : ", ?");
        }
        jdbc.sql("INSERT INTO audit_event (" + columns + ") VALUES (" + marks + ")").params(row.values().toArray()).update();
    }
}
