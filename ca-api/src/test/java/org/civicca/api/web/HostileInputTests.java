package org.civicca.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.civicca.api.ApiClient;
import org.civicca.api.Problems;
import org.civicca.api.Requests;
import org.civicca.api.ServiceTest;
import org.civicca.api.TestCsrs;
import org.bouncycastle.asn1.x500.X500Name;
import org.civicca.core.key.KeyAlgorithm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A catalogue of hostile and careless requests. Each one is refused with the exact status and problem type,
 * as problem+json that shows nothing internal; none of them stores a certificate or an audit event, and the
 * service keeps answering.
 */
class HostileInputTests extends ServiceTest {

    private static final String CERTIFICATES = "/api/v1/certificates";
    private static final String VALID_CSR = TestCsrs.csrPem(KeyAlgorithm.EC_P256);
    private static final BigInteger EXPONENT_3 = RSAKeyGenParameterSpec.F0;

    /** Certificates the revocation attacks aim at, made once for the class. */
    record Fixtures(String issuedSerial, String revokedSerial, String usedRequestId, JsonNode usedRequestCertificate) {
    }

    @FunctionalInterface
    interface Attack {
        ApiClient.Response send(ApiClient api, Fixtures fixtures);
    }

    private static Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void prepareFixtures() {
        if (fixtures == null) {
            fixtures = createFixtures();
        }
    }

    static Stream<Arguments> catalogue() {
        return Stream.of(
                // The CSR: encodings
                refused("CSR that is neither PEM nor base64 DER", 400, "bad-csr", csr(() -> "this is not a certificate request")),
                refused("PEM block of another type (CERTIFICATE)", 400, "bad-csr", csr(HostileCsrs::certificatePem)),
                refused("PEM armour without an END line", 400, "bad-csr", csr(HostileCsrs::pemWithoutEnd)),
                refused("truncated DER in base64", 400, "bad-csr", csr(HostileCsrs::truncated)),
                refused("trailing garbage after the DER", 400, "bad-csr", csr(HostileCsrs::trailingGarbage)),
                refused("BER (indefinite length) instead of DER", 400, "bad-csr", csr(HostileCsrs::berEncoded)),
                refused("CSR of 40,000 characters", 400, "bad-csr", csr(() -> "A".repeat(40_000))),
                refused("10,000 nested SEQUENCEs", 400, "bad-csr", csr(() -> HostileCsrs.nestedSequences(10_000))),
                refused("5,000 nested SEQUENCEs (under the size bound)", 400, "bad-csr", csr(() -> HostileCsrs.nestedSequences(5_000))),
                refused("empty CSR", 422, "invalid-field", csr(() -> "")),
                // The CSR: keys and signatures
                refused("CSR signed by another key than the one it carries", 422, "csr-signature-invalid", csr(HostileCsrs::signedByAnotherKey)),
                refused("RSA-1024 key", 422, "weak-key", csr(() -> HostileCsrs.rsa(1024, RSAKeyGenParameterSpec.F4))),
                refused("RSA-2048 key with public exponent 3", 422, "weak-key", csr(() -> HostileCsrs.rsa(2048, EXPONENT_3))),
                refused("EC key on P-192", 422, "unsupported-key", csr(() -> HostileCsrs.curve("secp192r1"))),
                refused("EC key on secp256k1", 422, "unsupported-key", csr(() -> HostileCsrs.curve("secp256k1"))),
                refused("EC key with explicit curve parameters", 422, "unsupported-key", csr(HostileCsrs::explicitCurveParameters)),
                refused("key of an unknown algorithm OID", 422, "unsupported-key", csr(HostileCsrs::unknownKeyAlgorithm)),
                refused("CSR signed with SHA-1", 422, "policy-violation", csr(HostileCsrs::sha1WithRsa)),
                // The body
                refused("5 MB body", 413, "body-too-large",
                        (api, f) -> api.postRaw(CERTIFICATES, "{\"csr\":\"" + "A".repeat(5 * 1024 * 1024) + "\"}", "application/json")),
                refused("malformed JSON", 400, "malformed-request", raw("{\"profile\": \"personal\", \"subject\": {")),
                refused("empty body", 400, "malformed-request", raw("")),
                refused("a JSON array instead of an object", 400, "malformed-request", raw("[]")),
                refused("validityDays as text", 400, "malformed-request", body(b -> b.put("validityDays", "abc"))),
                refused("subject as a string", 400, "malformed-request", body(b -> b.put("subject", "x"))),
                refused("unknown JSON field", 400, "malformed-request", body(b -> b.put("isCa", true))),
                // The request's rules
                refused("unknown profile", 422, "unknown-profile", body(b -> b.put("profile", "superuser"))),
                refused("unknown agency", 422, "unknown-agency", body(b -> b.put("agency", "so-khong-ton-tai"))),
                // PostgreSQL can neither store nor compare U+0000: no such text reaches the database
                refused("agency code with NUL", 422, "unknown-agency", body(b -> b.put("agency", "so\u0000tc"))),
                refused("clerk account for an agency code with NUL", 422, "unknown-agency", (api, f) -> api.post("/api/v1/accounts",
                        Map.of("name", "clerk.nul", "role", "CLERK", "agency", "so\u0000tc"))),
                refused("search text with NUL", 400, "malformed-request", (api, f) -> api.get(CERTIFICATES + "?q=%00abc")),
                refused("agency filter with a control character", 400, "malformed-request", (api, f) -> api.get(CERTIFICATES + "?agency=so%1Ftc")),
                refused("requestId filter with NUL", 400, "malformed-request", (api, f) -> api.get(CERTIFICATES + "?requestId=VP%00")),
                refused("audit filter with NUL", 400, "malformed-request", (api, f) -> api.get("/api/v1/audit?actor=a%00b")),
                refused("missing commonName", 422, "invalid-field", subject(s -> s.remove("commonName"))),
                refused("missing csr", 422, "invalid-field", body(b -> b.remove("csr"))),
                refused("name with a control character (BEL)", 422, "invalid-field", commonName("Nguyễn\u0007Văn An")),
                refused("name with a tab", 422, "invalid-field", commonName("Nguyễn\tVăn An")),
                refused("name with NUL", 422, "invalid-field", commonName("Lê Thị\u0000Bình")),
                refused("name with a right-to-left override (U+202E)", 422, "invalid-field", commonName("Trần Văn\u202eB")),
                refused("name with a zero-width space", 422, "invalid-field", commonName("Trần\u200bVăn B")),
                refused("DN injection with ,O=", 422, "invalid-field", commonName("Nguyễn Văn A,O=Bộ Công an")),
                refused("DN injection with +", 422, "invalid-field", commonName("Nguyễn Văn A+UID=CCCD:000000000000")),
                refused("DN injection with =", 422, "invalid-field", commonName("CN=Nguyễn Văn A")),
                refused("path traversal as a name", 422, "invalid-field", commonName("../../etc/passwd")),
                refused("65-character name", 422, "invalid-field", commonName("A".repeat(65))),
                refused("10,000-character name", 422, "invalid-field", commonName("Ă".repeat(10_000))),
                refused("invalid e-mail", 422, "invalid-field", subject(s -> s.put("email", "not-an-email"))),
                refused("e-mail with a non-ASCII domain", 422, "invalid-field", subject(s -> s.put("email", "an@bộ.gov.vn"))),
                refused("national id of 5 digits", 422, "invalid-field", subject(s -> s.put("nationalId", "12345"))),
                refused("national id with a letter", 422, "invalid-field", subject(s -> s.put("nationalId", "02619X123456"))),
                refused("organization without taxCode", 422, "invalid-field", HostileInputTests::organizationWithoutTaxCode),
                refused("personal with taxCode", 422, "invalid-field", subject(s -> s.put("taxCode", "2561744874"))),
                refused("requestId with a path", 422, "invalid-field", body(b -> b.put("requestId", "../../etc/passwd"))),
                refused("requestId of 100 characters", 422, "invalid-field", body(b -> b.put("requestId", "R".repeat(100)))),
                refused("validityDays 0", 422, "validity-not-allowed", body(b -> b.put("validityDays", 0))),
                refused("validityDays -1", 422, "validity-not-allowed", body(b -> b.put("validityDays", -1))),
                refused("validityDays 1096, beyond the personal maximum of 1095", 422, "validity-not-allowed",
                        body(b -> b.put("validityDays", 1096))),
                refused("validityDays 5000", 422, "validity-not-allowed", body(b -> b.put("validityDays", 5000))),
                refused("requestId reused with different content", 409, "request-id-conflict",
                        (api, f) -> api.post(CERTIFICATES, withRequestId(good(), f.usedRequestId()))),
                // Revocation
                refused("revocation with an unknown reason", 422, "invalid-field",
                        (api, f) -> api.post(revocation(f.issuedSerial()), Map.of("reason", "removeFromCRL"))),
                refused("revocation with a reason spelled as a constant", 422, "invalid-field",
                        (api, f) -> api.post(revocation(f.issuedSerial()), Map.of("reason", "KEY_COMPROMISE"))),
                refused("revocation without a reason", 422, "invalid-field", (api, f) -> api.post(revocation(f.issuedSerial()), Map.of())),
                refused("revocation with invalidityDate in the future", 422, "invalid-field",
                        (api, f) -> api.post(revocation(f.issuedSerial()), Map.of("reason", "keyCompromise",
                                "invalidityDate", Instant.now().plus(1, ChronoUnit.DAYS).toString()))),
                refused("revocation with an unreadable invalidityDate", 400, "malformed-request",
                        (api, f) -> api.post(revocation(f.issuedSerial()), Map.of("reason", "keyCompromise", "invalidityDate", "yesterday"))),
                refused("revocation of an unknown serial", 404, "unknown-certificate",
                        (api, f) -> api.post(revocation("7fffffffffffffffffffffffffffffffffffff01"), Map.of("reason", "keyCompromise"))),
                refused("revocation of a malformed serial", 404, "unknown-certificate",
                        (api, f) -> api.post(revocation("not-a-serial"), Map.of("reason", "keyCompromise"))),
                refused("lookup of a malformed serial", 404, "unknown-certificate", (api, f) -> api.get(CERTIFICATES + "/xyz-or-1=1")),
                refused("a percent-encoded path", 400, "malformed-request", (api, f) -> api.get(CERTIFICATES + "/xyz%20or%201=1")),
                refused("lookup of a serial of 41 hex digits", 404, "unknown-certificate", (api, f) -> api.get(CERTIFICATES + "/" + "a".repeat(41))),
                refused("lookup of serial zero", 404, "unknown-certificate", (api, f) -> api.get(CERTIFICATES + "/000")),
                refused("revoking a revoked certificate", 409, "already-revoked",
                        (api, f) -> api.post(revocation(f.revokedSerial()), Map.of("reason", "superseded"))),
                refused("releasing a certificate that is not on hold", 409, "not-on-hold",
                        (api, f) -> api.post(CERTIFICATES + "/" + f.issuedSerial() + "/release", Map.of())),
                // Listing
                refused("page -1", 400, "malformed-request", (api, f) -> api.get(CERTIFICATES + "?page=-1")),
                refused("page not a number", 400, "malformed-request", (api, f) -> api.get(CERTIFICATES + "?page=abc")),
                refused("size 0", 400, "malformed-request", (api, f) -> api.get(CERTIFICATES + "?size=0")),
                refused("size 1001", 400, "malformed-request", (api, f) -> api.get(CERTIFICATES + "?size=1001")),
                refused("size -5", 400, "malformed-request", (api, f) -> api.get(CERTIFICATES + "?size=-5")),
                refused("size beyond a 32-bit integer", 400, "malformed-request", (api, f) -> api.get(CERTIFICATES + "?size=99999999999")),
                refused("page beyond a 32-bit integer", 400, "malformed-request", (api, f) -> api.get(CERTIFICATES + "?page=99999999999")),
                refused("audit page size 0", 400, "malformed-request", (api, f) -> api.get("/api/v1/audit?size=0")),
                refused("status BOGUS", 400, "malformed-request", (api, f) -> api.get(CERTIFICATES + "?status=BOGUS")),
                refused("expiringBefore not a date", 400, "malformed-request", (api, f) -> api.get(CERTIFICATES + "?expiringBefore=tomorrow")),
                // CAs and publication
                refused("CRL of an unknown CA", 404, "unknown-ca", (api, f) -> api.anonymous("GET", "/crl/nope.crl", Map.of())),
                refused("certificate of an unknown CA", 404, "unknown-ca", (api, f) -> api.anonymous("GET", "/ca/nope.crt", Map.of())),
                refused("new CRL for an unknown CA", 404, "unknown-ca", (api, f) -> api.post("/api/v1/cas/nope/crl", Map.of())),
                // Agencies
                refused("creating an agency that exists", 409, "agency-exists", (api, f) -> api.post("/api/v1/agencies",
                        Map.of("code", "so-tc", "name", "Sở Tài chính giả", "taxCode", "2561744874", "locality", "Vĩnh Yên"))),
                refused("creating an agency with an invalid code", 422, "invalid-field", (api, f) -> api.post("/api/v1/agencies",
                        Map.of("code", "Bad Code!", "name", "Sở Giả", "taxCode", "2561744874", "locality", "Vĩnh Yên"))),
                refused("changing an agency that does not exist", 404, "agency-not-found", (api, f) -> api.put("/api/v1/agencies/so-khong-ton-tai",
                        Map.of("name", "Sở Giả", "taxCode", "2561744874", "locality", "Vĩnh Yên"))),
                // HTTP itself
                refused("a request body as text/plain", 415, "unsupported-media-type",
                        (api, f) -> api.postRaw(CERTIFICATES, "{}", "text/plain")),
                refused("an unknown API path", 404, "not-found", (api, f) -> api.get("/api/v1/nothing-here")),
                refused("a method the path does not take", 405, "method-not-allowed",
                        (api, f) -> api.send(api.authorized("/api/v1/cas").DELETE().build())),
                refused("a representation the service cannot give", 406, "not-acceptable",
                        (api, f) -> api.get(CERTIFICATES + "/" + f.issuedSerial(), "image/png")));
    }

    @ParameterizedTest(name = "[{index}] {0} → {1} {2}")
    @MethodSource("catalogue")
    void isRefusedAndLeavesNoTrace(String attack, int status, String slug, Attack request) {
        long certificates = certificateCount();
        long requests = requestCount();
        long events = auditEventCount();

        ApiClient.Response response = request.send(api, fixtures);

        Problems.assertProblem(response, status, slug);
        assertThat(certificateCount()).as("certificates after: " + attack).isEqualTo(certificates);
        assertThat(requestCount()).as("requests after: " + attack).isEqualTo(requests);
        assertThat(auditEventCount()).as("audit events after: " + attack).isEqualTo(events);
        assertServiceStillAnswers();
    }

    @Test
    void aReusedRequestIdLeavesTheFirstCertificateUnchanged() {
        ApiClient.Response conflict = api.post(CERTIFICATES, withRequestId(Requests.personal("Phạm Văn Trùng", VALID_CSR), fixtures.usedRequestId()));

        JsonNode problem = Problems.assertProblem(conflict, 409, "request-id-conflict");
        assertThat(problem.path("detail").asString()).contains("requestId");
        ApiClient.Response first = api.get(CERTIFICATES + "/" + fixtures.usedRequestCertificate().get("serial").asString());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json()).isEqualTo(fixtures.usedRequestCertificate());
    }

    @ParameterizedTest(name = "q = {0}")
    @ValueSource(strings = {"' OR '1'='1", "x'; DROP TABLE certificate; --", "%", "_", "*", "\\", "%' OR 1=1 --"})
    void searchTextMatchesOnlyLiterallyAndChangesNothing(String q) {
        long certificates = certificateCount();

        ApiClient.Response found = api.get(CERTIFICATES + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));

        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().get("items").size()).as(found.toString()).isZero();
        assertThat(certificateCount()).isEqualTo(certificates);
        assertServiceStillAnswers();
    }

    @Test
    void aCsrWhoseSubjectClaimsSomeoneElseGetsOnlyTheRequestsSubject() {
        KeyPair keys = TestCsrs.keyPair(KeyAlgorithm.EC_P256);
        String claiming = TestCsrs.pem(TestCsrs.csr(new X500Name("CN=Tổng Giám đốc,O=Bộ Công an,C=VN"), keys, "SHA256withECDSA"));

        ApiClient.Response issued = api.post(CERTIFICATES, Requests.personal("Nguyễn Văn An", claiming));

        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String subject = issued.json().get("subjectDn").asString();
        assertThat(subject).contains("Nguyễn Văn An").contains("Sở Tài chính").doesNotContain("Tổng Giám đốc").doesNotContain("Bộ Công an");
    }

    @Test
    void refusalsNameTheOffendingField() {
        Map<String, Object> request = good();
        subjectOf(request).put("nationalId", "12345");
        JsonNode problem = Problems.assertProblem(api.post(CERTIFICATES, request), 422, "invalid-field");
        assertThat(problem.path("field").asString()).isEqualTo("subject.nationalId");
        assertThat(problem.path("detail").asString()).contains("subject.nationalId").doesNotContain("12345");
    }

    // --- the attacks -------------------------------------------------------------------------------------------

    private static Arguments refused(String attack, int status, String slug, Attack request) {
        return Arguments.of(attack, status, slug, request);
    }

    private static Attack csr(Supplier<String> csr) {
        return body(b -> b.put("csr", csr.get()));
    }

    private static Attack commonName(String name) {
        return subject(s -> s.put("commonName", name));
    }

    private static Attack subject(Consumer<Map<String, Object>> change) {
        return body(b -> change.accept(subjectOf(b)));
    }

    private static Attack body(Consumer<Map<String, Object>> change) {
        return (api, f) -> {
            Map<String, Object> request = good();
            change.accept(request);
            return api.post(CERTIFICATES, request);
        };
    }

    private static Attack raw(String json) {
        return (api, f) -> api.postRaw(CERTIFICATES, json, "application/json");
    }

    private static ApiClient.Response organizationWithoutTaxCode(ApiClient api, Fixtures fixtures) {
        Map<String, Object> subject = new HashMap<>();
        subject.put("commonName", "Phòng Tư pháp - Sở Lao động - Thương binh và Xã hội");
        subject.put("email", "so-ldtbxh." + UUID.randomUUID().toString().substring(0, 8) + "@vinhphuc.gov.vn");
        subject.put("unit", "Phòng Tư pháp");
        return api.post(CERTIFICATES, Requests.body("organization", "so-ldtbxh", subject, VALID_CSR));
    }

    /** A request that would be issued as it is. */
    private static Map<String, Object> good() {
        return Requests.personal("Nguyễn Văn An", VALID_CSR);
    }

    private static Map<String, Object> withRequestId(Map<String, Object> request, String requestId) {
        request.put("requestId", requestId);
        return request;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> subjectOf(Map<String, Object> request) {
        return (Map<String, Object>) request.get("subject");
    }

    private static String revocation(String serial) {
        return CERTIFICATES + "/" + serial + "/revocation";
    }

    // --- fixtures and invariants -------------------------------------------------------------------------------

    private Fixtures createFixtures() {
        String issued = issue(good());
        String revoked = issue(good());
        ApiClient.Response revocation = api.post(revocation(revoked), Map.of("reason", "keyCompromise"));
        assertThat(revocation.status()).as(revocation.toString()).isEqualTo(200);
        String requestId = "HOSTILE-" + UUID.randomUUID();
        String firstSerial = issue(withRequestId(good(), requestId));
        JsonNode first = api.get(CERTIFICATES + "/" + firstSerial).json();
        awaitQuiet();
        return new Fixtures(issued, revoked, requestId, first);
    }

    private String issue(Map<String, Object> request) {
        ApiClient.Response response = api.post(CERTIFICATES, request);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("serial").asString();
    }

    /** Waits until the CRL that the fixture's revocation scheduled has been published (and audited). */
    private void awaitQuiet() {
        long last = auditEventCount();
        long stableSince = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() - stableSince < Duration.ofMillis(700).toNanos() && System.nanoTime() < deadline) {
            sleep(100);
            long now = auditEventCount();
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            }
        }
    }

    private long certificateCount() {
        ApiClient.Response page = api.get(CERTIFICATES + "?size=1");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().get("total").asLong();
    }

    private long requestCount() {
        return jdbc.sql("SELECT COUNT(*) FROM certificate_request").query(Long.class).single();
    }

    private long auditEventCount() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
    }

    private void assertServiceStillAnswers() {
        ApiClient.Response cas = api.get("/api/v1/cas");
        assertThat(cas.status()).as(cas.toString()).isEqualTo(200);
        assertThat(cas.json().size()).isEqualTo(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
