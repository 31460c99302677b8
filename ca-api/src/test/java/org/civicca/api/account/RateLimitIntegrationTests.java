package org.civicca.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicca.api.ApiClient;
import org.civicca.api.Problems;
import org.civicca.api.TestHomes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The limits as a client meets them, on a service of its own with small limits (3 failed authentications a
 * minute, 5 requests a second). The address block covers 127.0.0.1 for a whole minute, so the token burst runs first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ca.public-base-url=http://ca.test", "ca.crl.publish-delay=200ms", "ca.api.auth-failures-per-minute=3",
                "ca.api.requests-per-second=5"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
class RateLimitIntegrationTests {

    private static final Path HOME = TestHomes.create("civicca-ratelimit-home");

    @LocalServerPort
    int port;

    private static final String BATCH = "/api/v1/certificates/batch";

    private ApiClient admin;

    @DynamicPropertySource
    static void caHome(DynamicPropertyRegistry registry) {
        registry.add("ca.home", HOME::toString);
    }

    @BeforeEach
    void connect() {
        admin = ApiClient.asAdmin(port, HOME);
    }

    @Test
    @Order(0)
    void eachItemOfABatchTakesARequestFromTheTokensRate() throws InterruptedException {
        Problems.assertProblem(admin.post(BATCH, Map.of("requests", batch(11))), 422, "invalid-field");
        while (admin.get("/api/v1/cas").status() != 429) {
            // empties the token's bucket
        }
        Thread.sleep(300); // about 1.5 requests back: the call itself passes, its four further items do not

        ApiClient.Response refused = admin.post(BATCH, Map.of("requests", batch(5)));

        Problems.assertProblem(refused, 429, "too-many-requests");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 2L);
        Thread.sleep(2100);
        ApiClient.Response granted = admin.post(BATCH, Map.of("requests", batch(9)));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        // Granted, so each item is answered on its own: this service has no agencies yet.
        assertThat(granted.json().get("results")).hasSize(9)
                .allSatisfy(result -> assertThat(result.get("problem").get("type").asString()).endsWith(":unknown-agency"));
        Thread.sleep(2100); // a full bucket for the next test
    }

    @Test
    @Order(1)
    void aBurstBeyondTheTokensRateIsAnswered429WithRetryAfter() {
        List<ApiClient.Response> responses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            responses.add(admin.get("/api/v1/cas"));
        }

        assertThat(responses).extracting(ApiClient.Response::status).containsOnly(200, 429).contains(429);
        assertThat(responses.get(0).status()).isEqualTo(200);
        ApiClient.Response refused = responses.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        Problems.assertProblem(refused, 429, "too-many-requests");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
    }

    @Test
    @Order(2)
    void afterThreeFailedAuthenticationsTheAddressIsRefusedEvenWithAValidToken() throws InterruptedException {
        Thread.sleep(2100); // the burst above emptied the admin token's bucket; let it refill
        assertThat(admin.get("/api/v1/cas").status()).isEqualTo(200);
        ApiClient wrong = new ApiClient(port, "cca_not-a-real-token");

        for (int i = 0; i < 3; i++) {
            ApiClient.Response refused = wrong.get("/api/v1/cas");
            Problems.assertProblem(refused, 401, "unauthorized");
            assertThat(refused.header("Retry-After")).isNull();
        }

        ApiClient.Response blocked = admin.get("/api/v1/cas");
        Problems.assertProblem(blocked, 429, "too-many-requests");
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 60L);
        Problems.assertProblem(wrong.get("/api/v1/cas"), 429, "too-many-requests");
        Problems.assertProblem(admin.anonymous("GET", "/api/v1/agencies", Map.of()), 429, "too-many-requests");
    }

    @Test
    @Order(3)
    void thePublicPathsAreNotBlocked() {
        // Runs after the block above, which lasts the rest of the minute: relying parties still get their CRLs.
        ApiClient.Response crl = admin.anonymous("GET", "/crl/vinhphuc-issuing.crl", Map.of());

        assertThat(crl.status()).as(crl.toString()).isEqualTo(200);
        assertThat(admin.get("/api/v1/cas").status()).isEqualTo(429);
    }

    private static List<Map<String, Object>> batch(int size) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            items.add(TestAccounts.personal("so-tc"));
        }
        return items;
    }
}
