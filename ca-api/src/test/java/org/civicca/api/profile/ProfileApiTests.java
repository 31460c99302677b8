package org.civicca.api.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicca.api.ApiClient;
import org.civicca.api.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The profiles are published so that clients can check requests with the server's own rules. */
class ProfileApiTests extends ServiceTest {

    @Test
    void listsBothProfilesWithTheirSubjectRules() {
        ApiClient.Response response = api.get("/api/v1/profiles");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode personal = byName(response.json(), "personal");
        assertThat(strings(personal.get("requiredFields"))).containsExactlyInAnyOrder("commonName", "email", "nationalId");
        assertThat(strings(personal.get("optionalFields"))).containsExactlyInAnyOrder("title", "unit");
        assertThat(personal.get("commonNameRule").asString()).isEqualTo("person-name");
        assertThat(personal.get("maxValidityDays").asInt()).isEqualTo(1095);
        assertThat(strings(personal.get("rsaKeyUsage"))).containsExactly("keyEncipherment");
        assertThat(strings(personal.get("extendedKeyUsage"))).contains("1.3.6.1.5.5.7.3.36");
        JsonNode organization = byName(response.json(), "organization");
        assertThat(strings(organization.get("requiredFields"))).contains("taxCode").doesNotContain("nationalId");
        assertThat(organization.get("commonNameRule").asString()).isEqualTo("organization-name");
        assertThat(strings(organization.get("keyAlgorithms"))).contains("EC-P256", "RSA-2048", "Ed25519");
    }

    @Test
    void needsABearerToken() {
        assertThat(api.anonymous("GET", "/api/v1/profiles", Map.of()).status()).isEqualTo(401);
    }

    private static JsonNode byName(JsonNode profiles, String name) {
        for (JsonNode profile : profiles) {
            if (profile.get("name").asString().equals(name)) {
                return profile;
            }
        }
        throw new AssertionError("no profile " + name + " in " + profiles);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
