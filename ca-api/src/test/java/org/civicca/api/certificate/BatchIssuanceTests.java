package org.civicca.api.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civicca.api.ApiClient;
import org.civicca.api.Problems;
import org.civicca.api.ProvinceData;
import org.civicca.api.Requests;
import org.civicca.api.ServiceTest;
import org.civicca.api.TestCsrs;
import org.civicca.api.account.TestAccounts;
import org.civicca.core.key.KeyAlgorithm;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/certificates/batch}: every item is answered as it would be alone, in the order sent, and one bad
 * item refuses only itself.
 */
class BatchIssuanceTests extends ServiceTest {

    private static final String BATCH = "/api/v1/certificates/batch";

    @Autowired
    JdbcClient jdbc;

    @Test
    void provinceRowsAreIssuedEachAsAloneWithTheBadItemsRefusedAndNothingStoredForThem() {
        List<Map<String, Object>> items = provinceRows(0, 20);
        Map<String, Object> badCsr = provinceRows(20, 1).get(0);
        badCsr.put("csr", "-----BEGIN CERTIFICATE REQUEST-----\nbm90IGEgQ1NS\n-----END CERTIFICATE REQUEST-----\n");
        Map<String, Object> unknownAgency = provinceRows(21, 1).get(0);
        unknownAgency.put("agency", "so-khong-co");
        items.add(3, badCsr);
        items.add(11, unknownAgency);
        long before = certificateTotal();

        ApiClient.Response answer = api.post(BATCH, Map.of("requests", items));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode results = answer.json().get("results");
        assertThat(results).hasSize(22);
        for (int i = 0; i < items.size(); i++) {
            JsonNode result = results.get(i);
            assertThat(result.get("index").asInt()).isEqualTo(i);
            assertThat(result.get("requestId").asString()).isEqualTo(items.get(i).get("requestId"));
            if (i == 3 || i == 11) {
                continue;
            }
            assertThat(result.get("status").asInt()).as(result.toString()).isEqualTo(201);
            String serial = result.get("certificate").get("serial").asString();
            assertThat(result.get("location").asString()).isEqualTo("/api/v1/certificates/" + serial);
            assertThat(result.get("certificate").get("requestId").asString()).isEqualTo(items.get(i).get("requestId"));
            assertThat(result.get("certificate").get("certificatePem").asString()).startsWith("-----BEGIN CERTIFICATE-----");
            assertThat(issuedEntries(serial)).as("one audit entry for %s", serial).isEqualTo(1);
        }
        assertSameAsAlone(results.get(3), badCsr);
        assertSameAsAlone(results.get(11), unknownAgency);
        assertThat(certificateTotal()).isEqualTo(before + 20);
        assertThat(api.get("/api/v1/audit/verification").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void aBatchSentAgainIsAnsweredWithTheCertificatesAlreadyIssued() {
        List<Map<String, Object>> items = provinceRows(30, 8);
        JsonNode first = api.post(BATCH, Map.of("requests", items)).json().get("results");
        long after = certificateTotal();

        ApiClient.Response again = api.post(BATCH, Map.of("requests", items));

        assertThat(again.status()).isEqualTo(200);
        JsonNode results = again.json().get("results");
        for (int i = 0; i < items.size(); i++) {
            assertThat(results.get(i).get("status").asInt()).as(results.get(i).toString()).isEqualTo(200);
            assertThat(results.get(i).get("certificate").get("serial").asString())
                    .isEqualTo(first.get(i).get("certificate").get("serial").asString());
        }
        assertThat(certificateTotal()).isEqualTo(after);
    }

    @Test
    void twinsInOneBatchGetOneCertificateAndARequestIdAskingForSomethingElseIsAConflict() {
        Map<String, Object> row = provinceRows(40, 1).get(0);
        Map<String, Object> other = provinceRows(41, 1).get(0);
        other.put("requestId", row.get("requestId"));
        long before = certificateTotal();

        JsonNode results = api.post(BATCH, Map.of("requests", List.of(row, new HashMap<>(row), other))).json().get("results");

        assertThat(List.of(results.get(0).get("status").asInt(), results.get(1).get("status").asInt())).containsExactlyInAnyOrder(201, 200);
        assertThat(results.get(1).get("certificate").get("serial").asString()).isEqualTo(results.get(0).get("certificate").get("serial").asString());
        assertThat(results.get(2).get("status").asInt()).isEqualTo(409);
        assertThat(results.get(2).get("problem").get("type").asString()).isEqualTo("urn:civicca:problem:request-id-conflict");
        assertThat(certificateTotal()).isEqualTo(before + 1);
    }

    @Test
    void aClerksBatchWaitsForApprovalForTheirAgencyAndIsRefusedForAnother() {
        TestAccounts.Account clerk = TestAccounts.create(api, port, "CLERK", "so-tc");

        ApiClient.Response answer = clerk.client().post(BATCH, Map.of("requests",
                List.of(TestAccounts.personal("so-tc"), TestAccounts.personal("so-tp"))));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode pending = answer.json().get("results").get(0);
        assertThat(pending.get("status").asInt()).isEqualTo(202);
        assertThat(pending.get("request").get("state").asString()).isEqualTo("PENDING");
        assertThat(pending.get("location").asString()).isEqualTo("/api/v1/requests/" + pending.get("request").get("id").asString());
        JsonNode refused = answer.json().get("results").get(1);
        assertThat(refused.get("status").asInt()).isEqualTo(403);
        assertThat(refused.get("problem").get("type").asString()).isEqualTo("urn:civicca:problem:forbidden");
        assertThat(refused.get("problem").get("field").asString()).isEqualTo("agency");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'authorization.refused' AND actor = ?")
                .param(clerk.name()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anEmptyOrOversizedBatchIsRefusedWholeAndANullItemAlone() {
        long before = certificateTotal();

        assertThat(Problems.assertProblem(api.post(BATCH, Map.of()), 400, "malformed-request").get("field").asString()).isEqualTo("requests");
        Problems.assertProblem(api.post(BATCH, Map.of("requests", List.of())), 400, "malformed-request");
        JsonNode tooMany = Problems.assertProblem(api.post(BATCH, Map.of("requests", provinceRows(100, 101))), 422, "invalid-field");
        assertThat(tooMany.get("detail").asString()).contains("100");
        Problems.assertProblem(api.postRaw(BATCH, "{\"requests\": {\"csr\": 1}}", "application/json"), 400, "malformed-request");
        List<Object> withNull = new ArrayList<>();
        withNull.add(null);
        withNull.add(Requests.personal(KeyAlgorithm.EC_P256));
        JsonNode results = api.post(BATCH, Map.of("requests", withNull)).json().get("results");
        assertThat(results.get(0).get("status").asInt()).isEqualTo(400);
        assertThat(results.get(0).get("problem").get("field").asString()).isEqualTo("requests[0]");
        assertThat(results.get(1).get("status").asInt()).isEqualTo(201);

        assertThat(certificateTotal()).isEqualTo(before + 1);
    }

    /** The item got the status and problem type that the same body gets alone from POST /api/v1/certificates. */
    private void assertSameAsAlone(JsonNode result, Map<String, Object> body) {
        ApiClient.Response alone = api.post("/api/v1/certificates", body);
        assertThat(alone.status()).isBetween(400, 499);
        assertThat(result.get("status").asInt()).as(result.toString()).isEqualTo(alone.status());
        assertThat(result.get("problem").get("type").asString()).isEqualTo(alone.json().get("type").asString());
        assertThat(result.get("problem").get("detail").asString()).isEqualTo(alone.json().get("detail").asString());
        assertThat(result.has("certificate")).isFalse();
    }

    /** Rows of the province file, each with a fresh key and a requestId of its own (other tests replay the file's). */
    private static List<Map<String, Object>> provinceRows(int from, int count) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, String> row : ProvinceData.enrollment().subList(from, from + count)) {
            Map<String, Object> body = Requests.fromRow(row, TestCsrs.csrPem(KeyAlgorithm.EC_P256));
            body.put("requestId", "BATCH-" + run + "-" + row.get("request_id"));
            items.add(body);
        }
        return items;
    }

    private long certificateTotal() {
        return jdbc.sql("SELECT COUNT(*) FROM certificate").query(Long.class).single();
    }

    private long issuedEntries(String serial) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'certificate.issued' AND target = ?").param(serial)
                .query(Long.class).single();
    }
}
