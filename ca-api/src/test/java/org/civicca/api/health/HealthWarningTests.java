package org.civicca.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.civicca.api.ApiClient;
import org.civicca.api.TestHomes;
import org.civicca.api.crl.CrlScheduler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What needs an operator soon stays in the load balancer as WARNING (HTTP 200), what relying parties would reject
 * takes the node out as DOWN (HTTP 503). Here the issuing CA (10 years) is inside a warning window of 4,000 days,
 * the scheduler looks only hourly, and the service's clock moves forward, test after test, through the life of the
 * issuing CA's first CRL (24 hours, due for remaking after 12), until the scheduler's next check after the jump
 * remakes it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ca.public-base-url=http://ca.test", "ca.health.ca-expiry-warning=4000d", "ca.crl.check-interval=1h"})
class HealthWarningTests {

    private static final Path HOME = TestHomes.create("civicca-health-home");

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    CrlScheduler scheduler;

    private ApiClient api;

    @DynamicPropertySource
    static void caHome(DynamicPropertyRegistry registry) {
        registry.add("ca.home", HOME::toString);
    }

    @BeforeEach
    void connect() {
        api = ApiClient.asAdmin(port, HOME);
    }

    @Test
    @Order(1)
    void aCaEndingWithinTheWindowWarnsAndTheNodeStaysInTheLoadBalancer() {
        ApiClient.Response response = health("");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode components = response.json().get("components");
        assertThat(response.json().get("status").asString()).isEqualTo("WARNING");
        assertThat(components.get("caKeys").get("status").asString()).isEqualTo("WARNING");
        assertThat(components.get("caKeys").get("components").get("vinhphuc-issuing").get("status").asString()).isEqualTo("WARNING");
        assertThat(components.get("caKeys").get("components").get("vinhphuc-root").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("crls").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
    }

    @Test
    @Order(2)
    void aCrlNotRemadeTwoChecksAfterItsRefreshPointIsStaleButStillServed() {
        clock.moveTo(Duration.ofHours(15));

        ApiClient.Response crls = health("/crls");

        assertThat(crls.status()).as(crls.toString()).isEqualTo(200);
        assertThat(crls.json().get("status").asString()).isEqualTo("WARNING");
        assertThat(crls.json().get("components").get("vinhphuc-issuing").get("status").asString()).isEqualTo("WARNING");
        assertThat(crls.json().get("components").get("vinhphuc-root").get("status").asString()).isEqualTo("UP");
        assertThat(ca("vinhphuc-issuing").get("crlFreshness").asString()).isEqualTo("stale");
        assertThat(ca("vinhphuc-issuing").get("crlStale").asBoolean()).isTrue();
        assertThat(ca("vinhphuc-root").get("crlFreshness").asString()).isEqualTo("fresh");
    }

    @Test
    @Order(3)
    void aCrlPastItsNextUpdateTakesTheNodeDown() {
        clock.moveTo(Duration.ofHours(25));

        ApiClient.Response response = health("");

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.json().get("status").asString()).isEqualTo("DOWN");
        assertThat(response.json().get("components").get("crls").get("components").get("vinhphuc-issuing").get("status").asString())
                .isEqualTo("DOWN");
        assertThat(ca("vinhphuc-issuing").get("crlFreshness").asString()).isEqualTo("lapsed");
    }

    @Test
    @Order(4)
    void theNextCheckAfterTheJumpRemakesTheLapsedCrlAndTheNodeIsBackUp() {
        long lapsed = ca("vinhphuc-issuing").get("crlNumber").asLong();

        scheduler.refreshDue();

        assertThat(ca("vinhphuc-issuing").get("crlNumber").asLong()).isGreaterThan(lapsed);
        assertThat(ca("vinhphuc-issuing").get("crlFreshness").asString()).isEqualTo("fresh");
        ApiClient.Response crls = health("/crls");
        assertThat(crls.status()).as(crls.toString()).isEqualTo(200);
        assertThat(crls.json().get("status").asString()).isEqualTo("UP");
    }

    private ApiClient.Response health(String component) {
        return api.anonymous("GET", "/actuator/health" + component, Map.of());
    }

    private JsonNode ca(String name) {
        for (JsonNode ca : api.get("/api/v1/cas").json()) {
            if (ca.get("name").asString().equals(name)) {
                return ca;
            }
        }
        throw new AssertionError("no CA " + name);
    }

    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    /** The system clock, moved forward by what the test says; never back, as time limits (token buckets) expect. */
    static final class MovableClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        void moveTo(Duration offsetFromNow) {
            if (offsetFromNow.compareTo(offset) < 0) {
                throw new IllegalArgumentException("the clock only moves forward");
            }
            offset = offsetFromNow;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
