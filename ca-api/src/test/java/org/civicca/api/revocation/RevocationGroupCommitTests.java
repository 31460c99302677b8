package org.civicca.api.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.civicca.api.ApiClient;
import org.civicca.api.GroupCommits;
import org.civicca.api.Problems;
import org.civicca.api.Requests;
import org.civicca.api.ServiceTest;
import org.civicca.core.key.KeyAlgorithm;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Concurrent revocations share commits: those checked while one group waits for the database queue up and commit
 * together, each answered only once committed. Within a group, the same certificate revoked twice is revoked once and
 * the second request refused, while every other revocation of the group commits.
 */
class RevocationGroupCommitTests extends ServiceTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void revocationsCheckedWhileAGroupCommitsShareTheNextCommitAndEachIsAudited() throws Exception {
        List<String> serials = issue(6);
        double largestBefore = meters.get("civicca.revocation.commit.group").summary().max();

        List<ApiClient.Response> responses = whileTheAuditChainIsLocked(serials, 5);

        assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response.toString()).isEqualTo(200));
        assertThat(meters.get("civicca.revocation.commit.group").summary().max()).isGreaterThanOrEqualTo(Math.max(largestBefore, 5));
        for (String serial : serials) {
            assertThat(api.get("/api/v1/certificates/" + serial).json().get("status").asString()).isEqualTo("REVOKED");
            assertThat(revokedEntries(serial)).as("one audit entry for %s", serial).isEqualTo(1);
            assertThat(jdbc.sql("SELECT revoked_by FROM certificate WHERE serial = ?").param(serial).query(String.class).single())
                    .isEqualTo("admin");
        }
        assertThat(api.get("/api/v1/audit/verification").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void theSameCertificateTwiceInAGroupIsRevokedOnceAndTheRestOfTheGroupCommits() throws Exception {
        List<String> serials = issue(4);
        List<String> requested = List.of(serials.get(0), serials.get(1), serials.get(1), serials.get(2), serials.get(3));

        List<ApiClient.Response> responses = whileTheAuditChainIsLocked(requested, 4);

        assertThat(List.of(responses.get(0), responses.get(3), responses.get(4)))
                .allSatisfy(response -> assertThat(response.status()).as(response.toString()).isEqualTo(200));
        List<ApiClient.Response> twins = List.of(responses.get(1), responses.get(2));
        assertThat(twins).extracting(ApiClient.Response::status).containsExactlyInAnyOrder(200, 409);
        Problems.assertProblem(twins.stream().filter(response -> response.status() == 409).findFirst().orElseThrow(), 409,
                "already-revoked");
        for (String serial : serials) {
            assertThat(api.get("/api/v1/certificates/" + serial).json().get("status").asString()).isEqualTo("REVOKED");
            assertThat(revokedEntries(serial)).as("one audit entry for %s", serial).isEqualTo(1);
        }
        assertThat(api.get("/api/v1/audit/verification").json().get("intact").asBoolean()).isTrue();
    }

    private List<String> issue(int count) {
        List<String> serials = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ApiClient.Response issued = api.post("/api/v1/certificates", Requests.personal(KeyAlgorithm.EC_P256));
            assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
            serials.add(issued.json().get("serial").asString());
        }
        return serials;
    }

    private List<ApiClient.Response> whileTheAuditChainIsLocked(List<String> serials, int queued) throws Exception {
        List<Callable<ApiClient.Response>> calls = new ArrayList<>();
        serials.forEach(serial -> calls.add(() -> api.post("/api/v1/certificates/" + serial + "/revocation",
                Map.of("reason", "keyCompromise", "ticket", "HD-2026-0042"))));
        return GroupCommits.queuedBehindTheAuditChain(dataSource, meters, "civicca.revocation.commit", calls, queued);
    }

    private long revokedEntries(String serial) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'certificate.revoked' AND target = ?").param(serial)
                .query(Long.class).single();
    }
}
