package org.civicca.api.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.civicca.api.Requests;
import org.civicca.api.ServiceTest;
import org.civicca.core.key.KeyAlgorithm;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A hold left unreleased longer than ca.holds.max-age (30 days by default) is overdue. */
class HoldsApiTests extends ServiceTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aHoldOlderThanTheMaximumIsOverdueAndAFreshOneIsNot() {
        String old = holdOne();
        String fresh = holdOne();
        jdbc.sql("UPDATE certificate SET revoked_at = ? WHERE serial = ?")
                .params(Instant.now().minus(31, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC), old).update();

        JsonNode holds = api.get("/api/v1/holds").json();

        assertThat(holds.get("maxAgeDays").asLong()).isEqualTo(30);
        assertThat(overdue(holds, old)).isTrue();
        assertThat(overdue(holds, fresh)).isFalse();
        assertThat(holds.get("overdue").asLong()).isGreaterThanOrEqualTo(1);
    }

    private String holdOne() {
        String serial = api.post("/api/v1/certificates", Requests.personal(KeyAlgorithm.EC_P256)).json().get("serial").asString();
        assertThat(api.post("/api/v1/certificates/" + serial + "/revocation", Map.of("reason", "certificateHold")).status()).isEqualTo(200);
        return serial;
    }

    private static boolean overdue(JsonNode holds, String serial) {
        for (JsonNode hold : holds.get("holds")) {
            if (hold.get("certificate").get("serial").asString().equals(serial)) {
                return hold.get("overdue").asBoolean();
            }
        }
        throw new AssertionError("no hold " + serial + " in " + holds);
    }
}
