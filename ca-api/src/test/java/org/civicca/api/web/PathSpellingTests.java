package org.civicca.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.civicca.api.ApiClient;
import org.civicca.api.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A path spelled another way (percent-encoding, ';' parameters, dot segments, doubled slashes) must never reach a
 * handler past the authentication and role checks: it is refused before anything reads it.
 */
class PathSpellingTests extends ServiceTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/%61pi/v1/accounts", "/ap%69/v1/agencies", "/api;jsessionid=1/v1/accounts", "/api;x=y/v1/cas",
            "/api/v1/./accounts", "/api//v1/accounts", "/%61pi/v1/profiles", "/crl/../api/v1/accounts"})
    void aRespelledPathIsRefusedWithoutCredentials(String path) {
        ApiClient.Response response = api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());

        assertThat(response.status()).as(path + " → " + response).isIn(400, 401);
        assertThat(response.text()).doesNotContain("\"role\"").doesNotContain("\"taxCode\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/crl/vinhphuc%2Dissuing.crl", "/crl/vinhphuc-issuing.crl;x=y", "/crl/./vinhphuc-issuing.crl",
            "/crl//vinhphuc-issuing.crl", "/ca/vinhphuc-root.crt;jsessionid=1", "/ca/%76inhphuc-root.crt"})
    void aRespelledPublicPathIsRefusedThoughPublicFilesAreServedFirst(String path) {
        ApiClient.Response response = api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());

        assertThat(response.status()).as(path + " → " + response).isEqualTo(400);
    }

    @Test
    void aRespelledPathIsRefusedEvenWithAValidToken() {
        ApiClient.Response response = api.get("/%61pi/v1/accounts");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:civicca:problem:malformed-request");
    }

    @Test
    void everyPathNotPublicNeedsAToken() {
        assertThat(api.anonymous("GET", "/api/v1/cas", Map.of()).status()).isEqualTo(401);
        assertThat(api.anonymous("GET", "/actuator/info", Map.of()).status()).isEqualTo(401);
        assertThat(api.anonymous("GET", "/nothing-here", Map.of()).status()).isEqualTo(401);
        assertThat(api.anonymous("GET", "/crl/vinhphuc-issuing.crl", Map.of()).status()).isEqualTo(200);
        assertThat(api.anonymous("GET", "/actuator/health", Map.of()).status()).isEqualTo(200);
    }
}
