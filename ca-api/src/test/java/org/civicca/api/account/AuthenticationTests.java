package org.civicca.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.civicca.api.ApiClient;
import org.civicca.api.Problems;
import org.civicca.api.Requests;
import org.civicca.api.ServiceTest;
import org.civicca.core.key.KeyAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every /api/v1 call needs the bearer token; the relying parties' paths need nothing; the first token is kept private. */
class AuthenticationTests extends ServiceTest {

    @Autowired
    JdbcClient jdbc;

    static Stream<Arguments> refusedCredentials() {
        String[][] endpoints = {{"GET", "/api/v1/certificates"}, {"POST", "/api/v1/certificates"}, {"GET", "/api/v1/agencies"},
                {"POST", "/api/v1/cas/vinhphuc-issuing/crl"}, {"GET", "/api/v1/no-such-thing"}};
        String[] authorizations = {null, "Bearer wrong-token", "Bearer ", "Basic YWRtaW46YWRtaW4=", "Token abc", "Bearer",
                "Bearer a b c"};
        return Stream.of(endpoints).flatMap(endpoint -> Stream.of(authorizations)
                .map(authorization -> Arguments.of(endpoint[0], endpoint[1], authorization)));
    }

    @ParameterizedTest(name = "{0} {1} with Authorization: {2}")
    @MethodSource("refusedCredentials")
    void withoutAValidBearerTokenTheApiAnswers401(String method, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(method.equals("POST")
                        ? ApiClient.JSON.writeValueAsString(Requests.personal(KeyAlgorithm.EC_P256)) : ""));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }

        ApiClient.Response response = api.send(request.build());

        Problems.assertProblem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void anUnauthenticatedRequestChangesNothing() {
        long certificates = api.get("/api/v1/certificates?size=1").json().get("total").asLong();
        long requestedCrls = requestedCrls();

        Problems.assertProblem(api.anonymous("POST", "/api/v1/cas/vinhphuc-issuing/crl", Map.of()), 401, "unauthorized");
        ApiClient.Response issue = api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/certificates"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer not-the-token")
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(Requests.personal(KeyAlgorithm.EC_P256))))
                .build());
        Problems.assertProblem(issue, 401, "unauthorized");

        assertThat(api.get("/api/v1/certificates?size=1").json().get("total").asLong()).isEqualTo(certificates);
        assertThat(requestedCrls()).isEqualTo(requestedCrls);
    }

    @Test
    void theTokenIsAcceptedWithTheSchemeInAnyCase() throws IOException {
        String token = Files.readString(HOME.resolve("admin.token")).strip();

        ApiClient.Response response = api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cas"))
                .header("Authorization", "bearer " + token).GET().build());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/crl/vinhphuc-root.crl", "/crl/vinhphuc-issuing.crl", "/ca/vinhphuc-root.crt", "/ca/vinhphuc-issuing.crt"})
    void publicationPathsNeedNoCredentials(String path) {
        ApiClient.Response anonymous = api.anonymous("GET", path, Map.of());
        ApiClient.Response withWrongToken = api.anonymous("GET", path, Map.of("Authorization", "Bearer wrong-token"));

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.header("WWW-Authenticate")).isNull();
        assertThat(withWrongToken.status()).isEqualTo(200);
    }

    @Test
    void theFirstAdminTokenFileIsReadableByItsOwnerOnly() throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(HOME.resolve("admin.token"));

        assertThat(PosixFilePermissions.toString(permissions)).isEqualTo("rw-------");
    }

    /** CRLs made on request of an API caller, as the audit log records them (the scheduler's own are made by "system"). */
    private long requestedCrls() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'crl.published' AND actor <> 'system'").query(Long.class).single();
    }
}
