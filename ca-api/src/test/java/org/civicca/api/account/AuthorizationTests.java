package org.civicca.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.civicca.api.ApiClient;
import org.civicca.api.Problems;
import org.civicca.api.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every API endpoint against every kind of caller: the four roles (with a clerk of the target's agency and one of
 * another), no token, a revoked token and the token of a disabled account. Each row of the table expects one status;
 * a refused call must leave the certificates, accounts, agencies and the audit log as they were.
 */
class AuthorizationTests extends ServiceTest {

    private static final String CERTIFICATES = "/api/v1/certificates";
    private static final String JSON = "application/json";
    private static final String DER = "application/pkix-cert";
    private static final String PEM_CHAIN = "application/pem-certificate-chain";

    /** Who calls. The last three are refused before any role is looked at. */
    enum Caller {
        ADMIN, OFFICER, CLERK_SO_TC, CLERK_SO_TP, AUDITOR, NO_TOKEN, REVOKED_TOKEN, DISABLED_ACCOUNT;

        boolean authenticated() {
            return ordinal() <= AUDITOR.ordinal();
        }
    }

    /** Bearer secrets by caller; NO_TOKEN has none. Made once for the class, by the admin. */
    private static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);
    private static final Map<Caller, TestAccounts.Account> ACCOUNTS = new EnumMap<>(Caller.class);

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void callers() {
        if (!ACCOUNTS.isEmpty()) {
            return;
        }
        ACCOUNTS.put(Caller.ADMIN, TestAccounts.create(api, port, "ADMIN", null));
        ACCOUNTS.put(Caller.OFFICER, TestAccounts.create(api, port, "OFFICER", null));
        ACCOUNTS.put(Caller.CLERK_SO_TC, TestAccounts.create(api, port, "CLERK", "so-tc"));
        ACCOUNTS.put(Caller.CLERK_SO_TP, TestAccounts.create(api, port, "CLERK", "so-tp"));
        ACCOUNTS.put(Caller.AUDITOR, TestAccounts.create(api, port, "AUDITOR", null));
        TestAccounts.Account revoked = TestAccounts.create(api, port, "ADMIN", null);
        assertThat(TestAccounts.delete(api, "/api/v1/tokens/" + revoked.tokenId()).status()).isEqualTo(204);
        ACCOUNTS.put(Caller.REVOKED_TOKEN, revoked);
        TestAccounts.Account disabled = TestAccounts.create(api, port, "ADMIN", null);
        assertThat(api.post("/api/v1/accounts/" + disabled.id() + "/disable", Map.of()).status()).isEqualTo(200);
        ACCOUNTS.put(Caller.DISABLED_ACCOUNT, disabled);
        ACCOUNTS.forEach((caller, account) -> TOKENS.put(caller, account.token()));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The table

    /** One HTTP call, without its credentials. */
    record Call(String method, String path, String accept, Object body) {

        static Call get(String path) {
            return new Call("GET", path, JSON, null);
        }

        static Call get(String path, String accept) {
            return new Call("GET", path, accept, null);
        }

        static Call post(String path, Object body) {
            return new Call("POST", path, JSON, body);
        }

        static Call put(String path, Object body) {
            return new Call("PUT", path, JSON, body);
        }

        static Call delete(String path) {
            return new Call("DELETE", path, JSON, null);
        }
    }

    /**
     * An endpoint as the table calls it: what it needs made first (by the admin, fresh for each row), the call, and,
     * for a mutation, the state it would change, read by the admin before and after.
     */
    record Endpoint(String name, Map<Caller, Integer> expected, Function<AuthorizationTests, Map<String, String>> prepare,
                    Function<Map<String, String>, Call> call, BiFunction<AuthorizationTests, Map<String, String>, Object> state) {

        boolean mutation() {
            return state != null;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Expected statuses for ADMIN, OFFICER, CLERK_SO_TC, CLERK_SO_TP, AUDITOR; every unauthenticated caller gets 401. */
    private static Map<Caller, Integer> expect(int admin, int officer, int clerkSoTc, int clerkSoTp, int auditor) {
        Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        expected.put(Caller.ADMIN, admin);
        expected.put(Caller.OFFICER, officer);
        expected.put(Caller.CLERK_SO_TC, clerkSoTc);
        expected.put(Caller.CLERK_SO_TP, clerkSoTp);
        expected.put(Caller.AUDITOR, auditor);
        expected.put(Caller.NO_TOKEN, 401);
        expected.put(Caller.REVOKED_TOKEN, 401);
        expected.put(Caller.DISABLED_ACCOUNT, 401);
        return expected;
    }

    static List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        // Certificates of so-tc: the so-tp clerk must not learn they exist.
        endpoints.add(read("GET certificate (JSON)", expect(200, 200, 200, 404, 200), t -> t.certificate("so-tc"),
                c -> Call.get(CERTIFICATES + "/" + c.get("serial"))));
        endpoints.add(read("GET certificate (DER)", expect(200, 200, 200, 404, 200), t -> t.certificate("so-tc"),
                c -> Call.get(CERTIFICATES + "/" + c.get("serial"), DER)));
        endpoints.add(read("GET certificate (PEM chain)", expect(200, 200, 200, 404, 200), t -> t.certificate("so-tc"),
                c -> Call.get(CERTIFICATES + "/" + c.get("serial"), PEM_CHAIN)));
        endpoints.add(read("GET so-tp certificate (JSON)", expect(200, 200, 404, 200, 200), t -> t.certificate("so-tp"),
                c -> Call.get(CERTIFICATES + "/" + c.get("serial"))));
        endpoints.add(read("GET so-tp certificate (DER)", expect(200, 200, 404, 200, 200), t -> t.certificate("so-tp"),
                c -> Call.get(CERTIFICATES + "/" + c.get("serial"), DER)));
        endpoints.add(read("list certificates", expect(200, 200, 200, 200, 200), t -> Map.of(),
                c -> Call.get(CERTIFICATES + "?size=5")));
        endpoints.add(read("list certificates of so-tc", expect(200, 200, 200, 403, 200), t -> Map.of(),
                c -> Call.get(CERTIFICATES + "?agency=so-tc&size=5")));
        endpoints.add(read("list certificates of so-tp", expect(200, 200, 403, 200, 200), t -> Map.of(),
                c -> Call.get(CERTIFICATES + "?agency=so-tp&size=5")));
        // A clerk's request waits for an officer (202, PENDING); admins and officers issue at once.
        endpoints.add(mutation("issue for so-tc", expect(201, 201, 202, 403, 403), t -> Map.of(),
                c -> Call.post(CERTIFICATES, TestAccounts.personal("so-tc")), (t, c) -> t.certificateTotal() + "/" + t.requestTotal()));
        endpoints.add(mutation("issue for so-tp", expect(201, 201, 403, 202, 403), t -> Map.of(),
                c -> Call.post(CERTIFICATES, TestAccounts.personal("so-tp")), (t, c) -> t.certificateTotal() + "/" + t.requestTotal()));
        endpoints.add(mutation("revoke so-tc certificate", expect(200, 200, 200, 404, 403), t -> t.certificate("so-tc"),
                c -> Call.post(revocation(c), Map.of("reason", "keyCompromise")), AuthorizationTests::certificateState));
        endpoints.add(mutation("hold so-tc certificate", expect(200, 200, 200, 404, 403), t -> t.certificate("so-tc"),
                c -> Call.post(revocation(c), Map.of("reason", "certificateHold")), AuthorizationTests::certificateState));
        endpoints.add(mutation("revoke so-tp certificate", expect(200, 200, 404, 200, 403), t -> t.certificate("so-tp"),
                c -> Call.post(revocation(c), Map.of("reason", "superseded")), AuthorizationTests::certificateState));
        endpoints.add(mutation("release so-tc certificate", expect(200, 200, 200, 404, 403), t -> t.heldCertificate("so-tc"),
                c -> Call.post(CERTIFICATES + "/" + c.get("serial") + "/release", Map.of()), AuthorizationTests::certificateState));
        endpoints.add(mutation("release so-tp certificate", expect(200, 200, 404, 200, 403), t -> t.heldCertificate("so-tp"),
                c -> Call.post(CERTIFICATES + "/" + c.get("serial") + "/release", Map.of()), AuthorizationTests::certificateState));
        endpoints.add(mutation("make a CRL", expect(200, 200, 403, 403, 403), t -> Map.of(),
                c -> Call.post("/api/v1/cas/vinhphuc-issuing/crl", Map.of()), (t, c) -> t.requestedCrls()));
        endpoints.add(mutation("make a backup", expect(200, 403, 403, 403, 403), t -> Map.of(),
                c -> new Call("POST", "/api/v1/backups", "application/zip", null), (t, c) -> t.backups()));
        endpoints.add(read("list CAs", expect(200, 200, 200, 200, 200), t -> Map.of(), c -> Call.get("/api/v1/cas")));
        endpoints.add(read("list profiles", expect(200, 200, 200, 200, 200), t -> Map.of(), c -> Call.get("/api/v1/profiles")));
        endpoints.add(read("list agencies", expect(200, 200, 200, 200, 200), t -> Map.of(), c -> Call.get("/api/v1/agencies")));
        endpoints.add(mutation("create an agency", expect(201, 403, 403, 403, 403), t -> Map.of("code", freshCode()),
                c -> Call.post("/api/v1/agencies", agency(c.get("code"), "Phòng Thử quyền")), (t, c) -> t.agency(c.get("code"))));
        endpoints.add(mutation("update an agency", expect(200, 403, 403, 403, 403), AuthorizationTests::freshAgency,
                c -> Call.put("/api/v1/agencies/" + c.get("code"), agency(c.get("code"), "Phòng Đã đổi tên")),
                (t, c) -> t.agency(c.get("code"))));
        endpoints.add(read("list accounts", expect(200, 403, 403, 403, 403), t -> Map.of(), c -> Call.get("/api/v1/accounts")));
        endpoints.add(mutation("create an account", expect(201, 403, 403, 403, 403), t -> Map.of("name", "authz-" + freshCode()),
                c -> Call.post("/api/v1/accounts", Map.of("name", c.get("name"), "role", "ADMIN")), (t, c) -> t.account(c.get("name"))));
        endpoints.add(mutation("disable an account", expect(200, 403, 403, 403, 403), AuthorizationTests::freshAccount,
                c -> Call.post("/api/v1/accounts/" + c.get("id") + "/disable", Map.of()), (t, c) -> t.account(c.get("name"))));
        endpoints.add(mutation("create a token", expect(201, 403, 403, 403, 403), AuthorizationTests::freshAccount,
                c -> Call.post("/api/v1/accounts/" + c.get("id") + "/tokens", Map.of("expiresInDays", 1)),
                (t, c) -> t.tokens(c.get("id"))));
        endpoints.add(read("list tokens", expect(200, 403, 403, 403, 403), AuthorizationTests::freshAccount,
                c -> Call.get("/api/v1/accounts/" + c.get("id") + "/tokens")));
        endpoints.add(mutation("revoke a token", expect(204, 403, 403, 403, 403), AuthorizationTests::freshAccount,
                c -> Call.delete("/api/v1/tokens/" + c.get("tokenId")), AuthorizationTests::tokenState));
        return endpoints;
    }

    static Stream<Arguments> table() {
        return endpoints().stream().flatMap(endpoint -> Stream.of(Caller.values())
                .map(caller -> Arguments.of(endpoint, caller, endpoint.expected().get(caller))));
    }

    @ParameterizedTest(name = "{0} by {1}: {2}")
    @MethodSource("table")
    void everyEndpointAnswersEveryCallerAsItsRoleAllows(Endpoint endpoint, Caller caller, int expected) {
        Map<String, String> context = endpoint.prepare().apply(this);
        Object before = endpoint.mutation() ? endpoint.state().apply(this, context) : null;
        long events = auditEvents();
        long refusals = refusals();

        ApiClient.Response response = send(caller, endpoint.call().apply(context));

        assertThat(response.status()).as("%s by %s: %s", endpoint, caller, response).isEqualTo(expected);
        if (expected >= 400) {
            Problems.assertProblem(response, expected, slug(expected));
            if (context.containsKey("token")) {
                assertThat(response.text()).as("a refusal echoes no secret").doesNotContain(context.get("token"));
            }
            if (expected == 401) {
                assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
            }
            assertThat(auditEvents()).as("audit events after a refused call").isEqualTo(events);
            if (expected == 401 || expected == 403) {
                assertThat(refusals()).as("a refused authentication or authorization is audited").isGreaterThan(refusals);
            }
            if (endpoint.mutation()) {
                assertThat(endpoint.state().apply(this, context)).as("state after a refused call").isEqualTo(before);
            }
        } else if (endpoint.mutation()) {
            assertThat(endpoint.state().apply(this, context)).as("state after an allowed call").isNotEqualTo(before);
            assertThat(auditEvents()).as("audit events after an allowed change").isGreaterThan(events);
        }
    }

    @Test
    void theTableCoversEveryCallerOfEveryEndpoint() {
        assertThat(endpoints()).allSatisfy(endpoint -> assertThat(endpoint.expected()).containsOnlyKeys(Caller.values()));
        assertThat(table()).hasSize(endpoints().size() * Caller.values().length);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Clerk scoping beyond the table

    @Test
    void aClerksListingHoldsOnlyItsAgencysCertificates() {
        String tc = certificate("so-tc").get("serial");
        String tp = certificate("so-tp").get("serial");
        ApiClient clerk = client(Caller.CLERK_SO_TP);

        JsonNode own = clerk.get(CERTIFICATES + "?size=1000&status=ISSUED").json();
        assertThat(StreamSupport.stream(own.get("items").spliterator(), false).map(i -> i.get("agency").asString())).containsOnly("so-tp");
        assertThat(serials(own)).contains(tp).doesNotContain(tc);
        assertThat(own.get("total").asLong()).isEqualTo(api.get(CERTIFICATES + "?size=1&status=ISSUED&agency=so-tp").json().get("total").asLong());
        assertThat(serials(clerk.get(CERTIFICATES + "?q=" + tc).json())).isEmpty();
        assertThat(serials(clerk.get(CERTIFICATES + "?q=" + tp).json())).containsExactly(tp);
        assertThat(serials(clerk.get(CERTIFICATES + "?agency=so-tp&q=" + tp).json())).containsExactly(tp);
    }

    @Test
    void aClerkFindsNoOtherAgencysCertificateByItsRequestId() {
        String requestId = "VP-AUTHZ-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> request = TestAccounts.personal("so-tc");
        request.put("requestId", requestId);
        ApiClient.Response issued = api.post(CERTIFICATES, request);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String serial = issued.json().get("serial").asString();

        assertThat(serials(client(Caller.CLERK_SO_TP).get(CERTIFICATES + "?requestId=" + requestId).json())).isEmpty();
        assertThat(serials(client(Caller.CLERK_SO_TC).get(CERTIFICATES + "?requestId=" + requestId).json())).containsExactly(serial);

        // Replaying the request (for the clerk's own agency) must not hand back the other agency's certificate.
        long total = certificateTotal();
        request.put("agency", "so-tp");
        ApiClient.Response replay = client(Caller.CLERK_SO_TP).post(CERTIFICATES, request);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(409);
        assertThat(replay.text()).doesNotContain(serial);
        assertThat(certificateTotal()).isEqualTo(total);
        request.put("agency", "so-tc");
        Problems.assertProblem(client(Caller.CLERK_SO_TP).post(CERTIFICATES, request), 403, "forbidden");
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {JSON, DER, PEM_CHAIN})
    void anotherAgencysCertificateLooksExactlyLikeOneThatDoesNotExist(String accept) {
        String serial = certificate("so-tc").get("serial");
        String missing = "7f" + UUID.randomUUID().toString().replace("-", "").substring(0, 30);
        ApiClient clerk = client(Caller.CLERK_SO_TP);

        JsonNode hidden = Problems.assertProblem(clerk.get(CERTIFICATES + "/" + serial, accept), 404, "unknown-certificate");
        JsonNode absent = Problems.assertProblem(clerk.get(CERTIFICATES + "/" + missing, accept), 404, "unknown-certificate");

        assertThat(hidden.get("title")).isEqualTo(absent.get("title"));
        assertThat(hidden.path("field")).isEqualTo(absent.path("field"));
        assertThat(hidden.get("detail").asString().replace(serial, "<serial>"))
                .isEqualTo(absent.get("detail").asString().replace(missing, "<serial>"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Caller.class, names = {"REVOKED_TOKEN", "DISABLED_ACCOUNT"})
    void aRefusedAdminTokenStaysRefused(Caller caller) {
        ApiClient client = client(caller);

        Problems.assertProblem(client.get("/api/v1/accounts"), 401, "unauthorized");
        Problems.assertProblem(client.post("/api/v1/accounts/" + ACCOUNTS.get(caller).id() + "/tokens", Map.of()), 401, "unauthorized");
        Problems.assertProblem(client.get("/api/v1/cas"), 401, "unauthorized");
    }

    /**
     * The same mutation with the path spelled so that it is not literally {@code /api/...} but still reaches the handler
     * (a percent-encoded letter, a path parameter) must change nothing, whoever calls. Only "nothing changed" and "not a
     * success" are asserted here: the status these calls get today is 500, where 401 would be right (see the report).
     */
    static Stream<Arguments> respelledMutations() {
        List<String> prefixes = List.of("/%61pi", "/ap%69", "/api;x=y");
        List<Endpoint> mutations = endpoints().stream().filter(Endpoint::mutation).toList();
        return prefixes.stream().flatMap(prefix -> mutations.stream()
                .flatMap(endpoint -> Stream.of(Caller.NO_TOKEN, Caller.AUDITOR).map(caller -> Arguments.of(prefix, endpoint, caller))));
    }

    @ParameterizedTest(name = "{1} as {0}/... by {2}")
    @MethodSource("respelledMutations")
    void aRespelledApiPathNeverChangesAnything(String prefix, Endpoint endpoint, Caller caller) {
        Map<String, String> context = endpoint.prepare().apply(this);
        Object before = endpoint.state().apply(this, context);
        long events = auditEvents();
        Call call = endpoint.call().apply(context);
        assertThat(call.path()).startsWith("/api/");

        ApiClient.Response response = send(caller, new Call(call.method(), prefix + call.path().substring(4), call.accept(), call.body()));

        assertThat(response.status()).as(response.toString()).isGreaterThanOrEqualTo(400);
        Problems.assertNothingInternal(response);
        assertThat(endpoint.state().apply(this, context)).isEqualTo(before);
        assertThat(auditEvents()).isEqualTo(events);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Fixtures, made by the admin

    private static Endpoint read(String name, Map<Caller, Integer> expected, Function<AuthorizationTests, Map<String, String>> prepare,
                                 Function<Map<String, String>, Call> call) {
        return new Endpoint(name, expected, prepare, call, null);
    }

    private static Endpoint mutation(String name, Map<Caller, Integer> expected,
                                     Function<AuthorizationTests, Map<String, String>> prepare, Function<Map<String, String>, Call> call,
                                     BiFunction<AuthorizationTests, Map<String, String>, Object> state) {
        return new Endpoint(name, expected, prepare, call, state);
    }

    private Map<String, String> certificate(String agency) {
        return Map.of("serial", TestAccounts.issue(api, agency));
    }

    private Map<String, String> heldCertificate(String agency) {
        Map<String, String> held = certificate(agency);
        ApiClient.Response response = api.post(revocation(held), Map.of("reason", "certificateHold"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return held;
    }

    private Map<String, String> freshAgency() {
        String code = freshCode();
        ApiClient.Response created = api.post("/api/v1/agencies", agency(code, "Phòng Thử quyền"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return Map.of("code", code);
    }

    private Map<String, String> freshAccount() {
        TestAccounts.Account account = TestAccounts.create(api, port, "AUDITOR", null);
        return Map.of("id", account.id(), "name", account.name(), "tokenId", account.tokenId(), "token", account.token());
    }

    private static Map<String, Object> agency(String code, String name) {
        return Map.of("code", code, "name", name, "taxCode", "2599999999", "locality", "Vĩnh Yên");
    }

    private static String revocation(Map<String, String> context) {
        return CERTIFICATES + "/" + context.get("serial") + "/revocation";
    }

    private static String freshCode() {
        return "authz-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // State, as the admin and the database see it

    private long certificateTotal() {
        return api.get(CERTIFICATES + "?size=1").json().get("total").asLong();
    }

    private Object certificateState(Map<String, String> context) {
        JsonNode certificate = api.get(CERTIFICATES + "/" + context.get("serial")).json();
        return certificate.get("status").asString() + " " + certificate.path("revocation");
    }

    private long requestedCrls() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'crl.published' AND actor <> 'system'").query(Long.class).single();
    }

    private long backups() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'backup.made'").query(Long.class).single();
    }

    private Object agency(String code) {
        return StreamSupport.stream(api.get("/api/v1/agencies").json().spliterator(), false)
                .filter(a -> a.get("code").asString().equals(code)).findFirst().map(JsonNode::toString).orElse("absent");
    }

    private Object account(String name) {
        return StreamSupport.stream(api.get("/api/v1/accounts").json().spliterator(), false)
                .filter(a -> a.get("name").asString().equals(name)).findFirst().map(JsonNode::toString).orElse("absent");
    }

    private Object tokens(String accountId) {
        return api.get("/api/v1/accounts/" + accountId + "/tokens").json().toString();
    }

    private Object tokenState(Map<String, String> context) {
        return List.of(tokens(context.get("id")), new ApiClient(port, context.get("token")).get("/api/v1/profiles").status());
    }

    /** Audit entries written on behalf of API callers (the scheduler's own CRLs are recorded by "system"). */
    private long requestTotal() {
        return jdbc.sql("SELECT COUNT(*) FROM certificate_request").query(Long.class).single();
    }

    private long refusals() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE outcome = 'refused'").query(Long.class).single();
    }

    private long auditEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor <> 'system' AND outcome = 'ok'").query(Long.class).single();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Calls

    private ApiClient client(Caller caller) {
        return new ApiClient(port, TOKENS.get(caller));
    }

    private ApiClient.Response send(Caller caller, Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.path()))
                .timeout(Duration.ofSeconds(30)).header("Accept", call.accept());
        if (caller != Caller.NO_TOKEN) {
            request.header("Authorization", "Bearer " + TOKENS.get(caller));
        }
        if (call.body() != null) {
            request.header("Content-Type", JSON);
            request.method(call.method(), HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(call.body())));
        } else {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        return api.send(request.build());
    }

    private static String slug(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "unknown-certificate";
            default -> throw new IllegalArgumentException("no refusal expected with " + status);
        };
    }

    private static List<String> serials(JsonNode listing) {
        return StreamSupport.stream(listing.get("items").spliterator(), false).map(i -> i.get("serial").asString()).toList();
    }
}
