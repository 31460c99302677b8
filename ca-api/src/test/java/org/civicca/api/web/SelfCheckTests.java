package org.civicca.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.civicca.api.ApiClient;
import org.civicca.api.Problems;
import org.civicca.api.Requests;
import org.civicca.api.TestHomes;
import org.civicca.core.key.KeyAlgorithm;
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
 * The RFC 5280 self-check guards the service against its own configuration: here the personal profile is
 * misconfigured to grant keyEncipherment to every key, which an EC key cannot serve (RFC 5480). Such a certificate is
 * signed, refused by the check, answered as an internal error that shows nothing of it, audited, and never stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ca.public-base-url=http://ca.test", "ca.api.auth-failures-per-minute=100000",
                "ca.profiles.personal.key-usage[0]=digitalSignature", "ca.profiles.personal.key-usage[1]=keyEncipherment"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SelfCheckTests {

    private static final Path HOME = TestHomes.create("civicca-selfcheck");

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
    void connect() {
        api = ApiClient.asAdmin(port, HOME);
        api.post("/api/v1/agencies", Map.of("code", "so-tc", "name", "Sở Tài chính", "taxCode", "2561744874", "locality", "Vĩnh Yên"));
    }

    @Test
    void aCertificateThatBreaksRfc5280IsAnsweredAsAnInternalErrorAuditedAndNotStored() {
        long certificates = count("certificate");

        ApiClient.Response response = api.post("/api/v1/certificates", Requests.personal(KeyAlgorithm.EC_P256));

        JsonNode problem = Problems.assertProblem(response, 500, "internal-error");
        assertThat(problem.path("detail").asString()).startsWith("internal error;").doesNotContain("RFC 5280", "keyUsage");
        assertThat(count("certificate")).isEqualTo(certificates);
        String audited = jdbc.sql("SELECT outcome || ' ' || detail FROM audit_event WHERE action = 'selfcheck.failed' ORDER BY sequence DESC")
                .query(String.class).list().get(0);
        assertThat(audited).startsWith("failed certificate ").contains("breaks RFC 5280: keyUsage asserts a bit that an EC key (RFC 5480)");
        assertThat(api.get("/api/v1/audit/verification").json().path("intact").asBoolean()).isTrue();
    }

    @Test
    void whatTheCheckAllowsIsStillIssued() {
        ApiClient.Response rsa = api.post("/api/v1/certificates", Requests.personal(KeyAlgorithm.RSA_2048));

        assertThat(rsa.status()).as(rsa.toString()).isEqualTo(201);
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
