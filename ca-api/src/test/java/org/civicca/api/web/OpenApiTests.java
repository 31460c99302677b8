package org.civicca.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.civicca.api.ApiClient;
import org.civicca.api.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenApiTests extends ServiceTest {

    @Test
    void theOpenApiDocumentDescribesTheApiAndItsBearerScheme() {
        ApiClient.Response response = api.anonymous("GET", "/v3/api-docs", Map.of());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode paths = response.json().get("paths");
        assertThat(paths.has("/api/v1/certificates")).isTrue();
        assertThat(paths.has("/api/v1/certificates/batch")).isTrue();
        assertThat(paths.has("/api/v1/certificates/{serial}/revocation")).isTrue();
        assertThat(paths.has("/api/v1/cas/{ca}/crl")).isTrue();
        assertThat(paths.has("/crl/{ca}.crl")).isTrue();
        assertThat(response.json().at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
    }

    @Test
    void swaggerUiIsServed() {
        ApiClient.Response response = api.anonymous("GET", "/swagger-ui/index.html", Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).contains("swagger");
    }
}
