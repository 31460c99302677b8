package org.civicca.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.civicca.api.ApiClient;
import org.civicca.api.Problems;
import org.civicca.api.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Accounts and their tokens through the API: created, listed, disabled, and every refusal of a bad request. */
class AccountApiTests extends ServiceTest {

    private static final String ACCOUNTS = "/api/v1/accounts";

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "-", value = {"ADMIN, -", "OFFICER, -", "CLERK, so-tc", "AUDITOR, -", "clerk, so-tp", "auditor, -"})
    void createsAnAccountOfEachRole(String role, String agency) {
        String name = freshName();
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("role", role);
        body.put("agency", agency);

        ApiClient.Response created = api.post(ACCOUNTS, body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode account = created.json();
        assertThat(account.get("id").asString()).isNotBlank();
        assertThat(account.get("name").asString()).isEqualTo(name);
        assertThat(account.get("role").asString()).isEqualTo(role.toUpperCase());
        assertThat(account.path("agency").isNull() || account.path("agency").isMissingNode() ? null : account.get("agency").asString())
                .isEqualTo(agency);
        assertThat(account.get("enabled").asBoolean()).isTrue();
        assertThat(created.header("Location")).endsWith(ACCOUNTS + "/" + account.get("id").asString());
        assertThat(listed(name)).isEqualTo(account);
    }

    @Test
    void listsAccountsByName() {
        String later = "zz-" + freshName();
        String earlier = "aa-" + freshName();
        createAccount(later, "AUDITOR", null);
        createAccount(earlier, "OFFICER", null);

        List<String> names = names();

        assertThat(names).contains(earlier, later, "admin");
        assertThat(names.indexOf(earlier)).isLessThan(names.indexOf(later));
        assertThat(names).isSorted();
    }

    @Test
    void disablesAnAccount() {
        String name = freshName();
        String id = createAccount(name, "OFFICER", null);

        ApiClient.Response disabled = api.post(ACCOUNTS + "/" + id + "/disable", Map.of());

        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(disabled.json().get("name").asString()).isEqualTo(name);
        assertThat(listed(name).get("enabled").asBoolean()).isFalse();
        assertThat(auditCount("account.disabled", id)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "a clerk needs an agency            | CLERK   | -          | 422 | invalid-field  | agency",
            "a clerk's agency may not be blank  | CLERK   | '  '       | 422 | invalid-field  | agency",
            "an admin has no agency             | ADMIN   | so-tc      | 422 | invalid-field  | agency",
            "an officer has no agency           | OFFICER | so-tc      | 422 | invalid-field  | agency",
            "an auditor has no agency           | AUDITOR | so-tp      | 422 | invalid-field  | agency",
            "the agency must exist              | CLERK   | so-nowhere | 422 | unknown-agency | agency",
            "the role must exist                | SUPERUSER | -        | 422 | invalid-field  | role",
            "the role is required               | -       | -          | 422 | invalid-field  | role"})
    void refusesAnAccountThatBreaksTheRoleRules(String rule, String role, String agency, int status, String slug, String field) {
        String name = freshName();
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("role", role);
        body.put("agency", agency);
        long events = auditCount();

        JsonNode problem = Problems.assertProblem(api.post(ACCOUNTS, body), status, slug);

        assertThat(problem.get("field").asString()).isEqualTo(field);
        assertThat(names()).doesNotContain(name);
        assertThat(auditCount()).isEqualTo(events);
    }

    @ParameterizedTest(name = "name \"{0}\"")
    @ValueSource(strings = {"Bad Name!", "UPPER", "-leading-dash", "tên-tiếng-việt", "semi;colon", " ", "a2345678901234567890123456789012345678901234567890123456789012345"})
    void refusesABadName(String name) {
        Problems.assertProblem(api.post(ACCOUNTS, Map.of("name", name, "role", "AUDITOR")), 422, "invalid-field");

        assertThat(names()).doesNotContain(name, name.strip());
    }

    @Test
    void takesTheLongestAllowedName() {
        String name = (freshName() + "-" + "x".repeat(64)).substring(0, 64);

        assertThat(api.post(ACCOUNTS, Map.of("name", name, "role", "AUDITOR")).status()).isEqualTo(201);
    }

    @Test
    void refusesADuplicateName() {
        String name = freshName();
        String id = createAccount(name, "AUDITOR", null);
        long events = auditCount();

        JsonNode problem = Problems.assertProblem(api.post(ACCOUNTS, Map.of("name", name, "role", "OFFICER")), 409, "account-exists");

        assertThat(problem.get("field").asString()).isEqualTo("name");
        assertThat(names().stream().filter(name::equals)).hasSize(1);
        assertThat(listed(name).get("id").asString()).isEqualTo(id);
        assertThat(listed(name).get("role").asString()).isEqualTo("AUDITOR");
        assertThat(auditCount()).isEqualTo(events);
    }

    @Test
    void theBootstrapAdminNameIsTakenToo() {
        Problems.assertProblem(api.post(ACCOUNTS, Map.of("name", "admin", "role", "ADMIN")), 409, "account-exists");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"POST, /api/v1/accounts/%s/disable", "POST, /api/v1/accounts/%s/tokens", "GET, /api/v1/accounts/%s/tokens"})
    void anUnknownAccountIs404(String method, String template) {
        String path = template.formatted(UUID.randomUUID());

        ApiClient.Response response = method.equals("GET") ? api.get(path) : api.post(path, Map.of());

        Problems.assertProblem(response, 404, "unknown-account");
    }

    @Test
    void anUnknownTokenIs404() {
        Problems.assertProblem(delete("/api/v1/tokens/" + UUID.randomUUID()), 404, "unknown-token");
    }

    @Test
    void aTokenSecretIsShownOnceAndNeverListed() {
        String name = freshName();
        String id = createAccount(name, "AUDITOR", null);

        ApiClient.Response created = api.post(ACCOUNTS + "/" + id + "/tokens", Map.of("expiresInDays", 30));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String tokenId = created.json().get("id").asString();
        String secret = created.json().get("token").asString();
        assertThat(secret).startsWith("cca_").hasSizeGreaterThan(40);
        String hash = sha256(secret);
        ApiClient.Response listed = api.get(ACCOUNTS + "/" + id + "/tokens");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().size()).isEqualTo(1);
        JsonNode token = listed.json().get(0);
        assertThat(token.get("id").asString()).isEqualTo(tokenId);
        assertThat(token.has("token")).isFalse();
        assertThat(token.has("revokedAt")).isFalse();
        // The creation answer carries the clock's nanoseconds, the stored row microseconds: the same instant to the millisecond.
        assertThat(Instant.parse(token.get("expiresAt").asString()))
                .isCloseTo(Instant.parse(created.json().get("expiresAt").asString()), within(1, ChronoUnit.MILLIS));
        for (String text : List.of(listed.text(), api.get(ACCOUNTS).text())) {
            assertThat(text).doesNotContain(secret).doesNotContainIgnoringCase(hash).doesNotContain(secret.substring(4));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE detail LIKE ? OR detail LIKE ?")
                .param("%" + secret.substring(4) + "%").param("%" + hash + "%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT token_hash FROM api_token WHERE id = ?").param(tokenId).query(String.class).single())
                .isEqualTo(hash).doesNotContain(secret);
        assertThat(new ApiClient(port, secret).get("/api/v1/cas").status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "expiresInDays {0}")
    @ValueSource(ints = {0, -1, 3651, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void refusesAnExpiryOutOfRange(int days) {
        String id = createAccount(freshName(), "AUDITOR", null);

        JsonNode problem = Problems.assertProblem(api.post(ACCOUNTS + "/" + id + "/tokens", Map.of("expiresInDays", days)), 422,
                "invalid-field");

        assertThat(problem.get("field").asString()).isEqualTo("expiresInDays");
        assertThat(api.get(ACCOUNTS + "/" + id + "/tokens").json().size()).isZero();
    }

    @ParameterizedTest(name = "expiresInDays {0}")
    @CsvSource(nullValues = "-", value = {"1, 1", "3650, 3650", "-, 90"})
    void aTokenExpiresAfterTheDaysAskedOr90(Integer days, int expected) {
        String id = createAccount(freshName(), "AUDITOR", null);
        Map<String, Object> body = new HashMap<>();
        body.put("expiresInDays", days);

        Instant before = Instant.now();
        ApiClient.Response created = api.post(ACCOUNTS + "/" + id + "/tokens", body);
        Instant after = Instant.now();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(Instant.parse(created.json().get("expiresAt").asString()))
                .isBetween(before.plus(Duration.ofDays(expected)).minusSeconds(1), after.plus(Duration.ofDays(expected)).plusSeconds(1));
    }

    @ParameterizedTest(name = "body \"{0}\"")
    @ValueSource(strings = {"", "{}", "{\"expiresInDays\":null}"})
    void withoutADurationATokenExpiresAfter90Days(String body) {
        String id = createAccount(freshName(), "AUDITOR", null);

        ApiClient.Response created = api.postRaw(ACCOUNTS + "/" + id + "/tokens", body, "application/json");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(Duration.between(Instant.now(), Instant.parse(created.json().get("expiresAt").asString())))
                .isBetween(Duration.ofDays(90).minusMinutes(1), Duration.ofDays(90).plusMinutes(1));
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceWhileTheOtherStillWorks() {
        String id = createAccount(freshName(), "OFFICER", null);
        JsonNode first = createToken(id);
        JsonNode second = createToken(id);
        ApiClient firstClient = new ApiClient(port, first.get("token").asString());
        ApiClient secondClient = new ApiClient(port, second.get("token").asString());
        assertThat(firstClient.get("/api/v1/cas").status()).isEqualTo(200);

        ApiClient.Response revoked = delete("/api/v1/tokens/" + first.get("id").asString());

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
        assertThat(revoked.body()).isEmpty();
        Problems.assertProblem(firstClient.get("/api/v1/cas"), 401, "unauthorized");
        assertThat(secondClient.get("/api/v1/cas").status()).isEqualTo(200);
        JsonNode tokens = api.get(ACCOUNTS + "/" + id + "/tokens").json();
        assertThat(tokens.size()).isEqualTo(2);
        assertThat(tokens.get(0).get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(tokens.get(0).has("revokedAt")).isTrue();
        assertThat(tokens.get(1).has("revokedAt")).isFalse();
    }

    @Test
    void anExpiredTokenIsRefused() {
        String id = createAccount(freshName(), "OFFICER", null);
        JsonNode token = createToken(id);
        ApiClient client = new ApiClient(port, token.get("token").asString());
        assertThat(client.get("/api/v1/cas").status()).isEqualTo(200);

        jdbc.sql("UPDATE api_token SET expires_at = ? WHERE id = ?").param(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1))
                .param(token.get("id").asString()).update();

        Problems.assertProblem(client.get("/api/v1/cas"), 401, "unauthorized");
    }

    @Test
    void revokingATokenTwiceIsHarmlessAndAuditedOnce() {
        String id = createAccount(freshName(), "AUDITOR", null);
        String tokenId = createToken(id).get("id").asString();

        assertThat(delete("/api/v1/tokens/" + tokenId).status()).isEqualTo(204);
        String revokedAt = api.get(ACCOUNTS + "/" + id + "/tokens").json().get(0).get("revokedAt").asString();
        assertThat(delete("/api/v1/tokens/" + tokenId).status()).isEqualTo(204);

        assertThat(api.get(ACCOUNTS + "/" + id + "/tokens").json().get(0).get("revokedAt").asString()).isEqualTo(revokedAt);
        assertThat(auditCount("token.revoked", tokenId)).isEqualTo(1);
    }

    @Test
    void disablingAnAccountRefusesAllItsTokensAtOnce() {
        String id = createAccount(freshName(), "CLERK", "so-tc");
        ApiClient first = new ApiClient(port, createToken(id).get("token").asString());
        ApiClient second = new ApiClient(port, createToken(id).get("token").asString());
        assertThat(first.get("/api/v1/cas").status()).isEqualTo(200);
        assertThat(second.get("/api/v1/cas").status()).isEqualTo(200);

        assertThat(api.post(ACCOUNTS + "/" + id + "/disable", Map.of()).status()).isEqualTo(200);

        Problems.assertProblem(first.get("/api/v1/cas"), 401, "unauthorized");
        Problems.assertProblem(second.get("/api/v1/certificates"), 401, "unauthorized");
    }

    @Test
    void aDisabledAccountGetsNoNewToken() {
        String id = createAccount(freshName(), "OFFICER", null);
        api.post(ACCOUNTS + "/" + id + "/disable", Map.of());

        Problems.assertProblem(api.post(ACCOUNTS + "/" + id + "/tokens", Map.of()), 422, "policy-violation");

        assertThat(api.get(ACCOUNTS + "/" + id + "/tokens").json().size()).isZero();
    }

    @Test
    void anAdminCannotDisableItself() {
        String name = freshName();
        String id = createAccount(name, "ADMIN", null);
        ApiClient self = new ApiClient(port, createToken(id).get("token").asString());
        long events = auditCount();

        JsonNode problem = Problems.assertProblem(self.post(ACCOUNTS + "/" + id + "/disable", Map.of()), 422, "policy-violation");

        assertThat(problem.get("field").asString()).isEqualTo("id");
        assertThat(listed(name).get("enabled").asBoolean()).isTrue();
        assertThat(self.get(ACCOUNTS).status()).isEqualTo(200);
        assertThat(auditCount()).isEqualTo(events);
    }

    @Test
    void oneAdminMayDisableAnother() {
        String name = freshName();
        String id = createAccount(name, "ADMIN", null);
        ApiClient other = new ApiClient(port, createToken(id).get("token").asString());
        String otherAdmin = createAccount(freshName(), "ADMIN", null);
        ApiClient victim = new ApiClient(port, createToken(otherAdmin).get("token").asString());

        assertThat(other.post(ACCOUNTS + "/" + otherAdmin + "/disable", Map.of()).status()).isEqualTo(200);

        Problems.assertProblem(victim.get(ACCOUNTS), 401, "unauthorized");
        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE action = 'account.disabled' AND target = ?").param(otherAdmin)
                .query(String.class).single()).isEqualTo(name);
    }

    @Test
    void changesAreAuditedUnderTheAdminsName() {
        String id = createAccount(freshName(), "AUDITOR", null);
        String tokenId = createToken(id).get("id").asString();
        delete("/api/v1/tokens/" + tokenId);

        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE action = 'account.created' AND target = ?").param(id)
                .query(String.class).single()).isEqualTo("admin");
        assertThat(auditCount("token.created", tokenId)).isEqualTo(1);
        assertThat(auditCount("token.revoked", tokenId)).isEqualTo(1);
    }

    private String createAccount(String name, String role, String agency) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("role", role);
        body.put("agency", agency);
        ApiClient.Response created = api.post(ACCOUNTS, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private JsonNode createToken(String accountId) {
        ApiClient.Response created = api.post(ACCOUNTS + "/" + accountId + "/tokens", Map.of("expiresInDays", 1));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private ApiClient.Response delete(String path) {
        return api.send(api.authorized(path).DELETE().build());
    }

    private List<String> names() {
        ApiClient.Response listed = api.get(ACCOUNTS);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        return StreamSupport.stream(listed.json().spliterator(), false).map(a -> a.get("name").asString()).toList();
    }

    private JsonNode listed(String name) {
        return StreamSupport.stream(api.get(ACCOUNTS).json().spliterator(), false)
                .filter(a -> a.get("name").asString().equals(name)).findFirst().orElseThrow();
    }

    private long auditCount() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor <> 'system' AND outcome = 'ok'").query(Long.class).single();
    }

    private long auditCount(String action, String target) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND target = ?").param(action).param(target)
                .query(Long.class).single();
    }

    private static String freshName() {
        return "acct-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
