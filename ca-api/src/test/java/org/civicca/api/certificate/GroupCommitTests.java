package org.civicca.api.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.civicca.api.ApiClient;
import org.civicca.api.GroupCommits;
import org.civicca.api.Requests;
import org.civicca.api.ServiceTest;
import org.civicca.api.TestCsrs;
import org.civicca.core.key.KeyAlgorithm;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Concurrent issuances share commits: while one group waits for the database, the requests signed meanwhile queue up
 * and commit together, each answered only after its group committed. A group that fails (a requestId taken by a twin
 * in the same group) is stored one by one, so every other request of the group still gets its certificate.
 */
class GroupCommitTests extends ServiceTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void requestsSignedWhileAGroupCommitsShareTheNextCommit() throws Exception {
        double largestBefore = meters.get("civicca.issuance.commit.group").summary().max();
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bodies.add(Requests.personal("Phạm Thị Dung", TestCsrs.csrPem(KeyAlgorithm.EC_P256)));
        }

        List<ApiClient.Response> responses = whileTheAuditChainIsLocked(bodies, 5);

        assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response.toString()).isEqualTo(201));
        assertThat(meters.get("civicca.issuance.commit.group").summary().max()).isGreaterThanOrEqualTo(Math.max(largestBefore, 5));
        for (ApiClient.Response response : responses) {
            String serial = response.json().get("serial").asString();
            assertThat(api.get("/api/v1/certificates/" + serial).status()).isEqualTo(200);
            assertThat(issuedEntries(serial)).as("one audit entry for %s", serial).isEqualTo(1);
        }
        assertThat(api.get("/api/v1/audit/verification").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void aGroupWithTwinsStillStoresEveryOtherCertificateAndOneForTheTwins() throws Exception {
        String requestId = "GROUP-" + UUID.randomUUID();
        List<Map<String, Object>> bodies = new ArrayList<>();
        Map<String, Object> twin = Requests.personal("Hoàng Văn Em", TestCsrs.csrPem(KeyAlgorithm.EC_P256));
        twin.put("requestId", requestId);
        bodies.add(Requests.personal("Vũ Thị Giang", TestCsrs.csrPem(KeyAlgorithm.EC_P256)));
        bodies.add(twin);
        bodies.add(twin);
        bodies.add(Requests.personal("Đỗ Văn Hải", TestCsrs.csrPem(KeyAlgorithm.EC_P256)));
        bodies.add(Requests.personal("Bùi Thị Lan", TestCsrs.csrPem(KeyAlgorithm.EC_P256)));

        List<ApiClient.Response> responses = whileTheAuditChainIsLocked(bodies, 4);

        assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response.toString()).isIn(200, 201));
        assertThat(List.of(responses.get(1).status(), responses.get(2).status())).containsExactlyInAnyOrder(200, 201);
        assertThat(responses.get(1).json().get("serial").asString()).isEqualTo(responses.get(2).json().get("serial").asString());
        assertThat(api.get("/api/v1/certificates?requestId=" + requestId).json().get("total").asLong()).isEqualTo(1);
        for (ApiClient.Response response : responses) {
            assertThat(issuedEntries(response.json().get("serial").asString())).isEqualTo(1);
        }
        assertThat(api.get("/api/v1/audit/verification").json().get("intact").asBoolean()).isTrue();
    }

    private List<ApiClient.Response> whileTheAuditChainIsLocked(List<Map<String, Object>> bodies, int queued) throws Exception {
        List<Callable<ApiClient.Response>> calls = new ArrayList<>();
        bodies.forEach(body -> calls.add(() -> api.post("/api/v1/certificates", body)));
        return GroupCommits.queuedBehindTheAuditChain(dataSource, meters, "civicca.issuance.commit", calls, queued);
    }

    private long issuedEntries(String serial) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'certificate.issued' AND target = ?").param(serial)
                .query(Long.class).single();
    }
}
