package org.civicca.api;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on a random port with its own temporary {@code ca.home}, shared by the test classes that extend
 * this one (one Spring context, one database): tests assert on what they create, not on global totals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ca.public-base-url=http://ca.test", "ca.crl.publish-delay=200ms", "ca.api.auth-failures-per-minute=100000"})
public abstract class ServiceTest {

    protected static final Path HOME = TestHomes.create("civicca-test-home");

    @LocalServerPort
    protected int port;

    protected ApiClient api;

    @DynamicPropertySource
    static void caHome(DynamicPropertyRegistry registry) {
        registry.add("ca.home", HOME::toString);
    }

    @BeforeEach
    void connect() {
        api = ApiClient.asAdmin(port, HOME);
        ensureAgencies();
    }

    private void ensureAgencies() {
        if (api.get("/api/v1/agencies").json().size() >= ProvinceData.agencies().size()) {
            return;
        }
        for (Map<String, String> row : ProvinceData.agencies()) {
            api.post("/api/v1/agencies", Map.of("code", row.get("code"), "name", row.get("name"), "taxCode", row.get("tax_code"),
                    "locality", row.get("locality")));
        }
    }
}
