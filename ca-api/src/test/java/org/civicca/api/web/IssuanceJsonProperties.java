package org.civicca.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.civicca.api.ApiClient;
import org.civicca.api.CivicCaApplication;
import org.civicca.api.Problems;
import org.civicca.api.Requests;
import org.civicca.api.TestCsrs;
import org.civicca.api.TestHomes;
import org.civicca.core.key.KeyAlgorithm;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Property-based fuzzing of {@code POST /api/v1/certificates}, bounded for CI: a valid request with its fields replaced,
 * dropped or joined by arbitrary JSON values, random JSON documents and random text. Every answer is below 500; a
 * refusal is problem+json with a type and stores no certificate, request or audit entry; only an issuance stores one.
 */
class IssuanceJsonProperties {

    private static final String CSR = TestCsrs.csrPem(KeyAlgorithm.EC_P256);
    private static final Set<Integer> ISSUED = Set.of(200, 201, 202);
    private static final List<String> FIELDS = List.of("requestId", "profile", "agency", "subject", "csr", "validityDays");
    private static final List<String> SUBJECT_FIELDS = List.of("commonName", "email", "nationalId", "title", "unit", "taxCode");

    private static ConfigurableApplicationContext service;
    private static ApiClient api;
    private static JdbcClient jdbc;

    @BeforeContainer
    static void start() {
        Path home = TestHomes.create("civicca-fuzz");
        // Command-line arguments, as an operator gives them: they take precedence over config/application.yml.
        service = new SpringApplicationBuilder(CivicCaApplication.class).run("--server.port=0", "--ca.home=" + home,
                "--ca.public-base-url=http://ca.test", "--ca.api.auth-failures-per-minute=100000", "--ca.api.requests-per-second=100000");
        int port = service.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        api = ApiClient.asAdmin(port, home);
        jdbc = service.getBean(JdbcClient.class);
        api.post("/api/v1/agencies", Map.of("code", "so-tc", "name", "Sở Tài chính", "taxCode", "2561744874", "locality", "Vĩnh Yên"));
    }

    @AfterContainer
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Property(tries = 250)
    void aMangledRequestIsAnsweredBelow500AndStoresNothingUnlessIssued(@ForAll("mangledRequests") Object body) {
        sendAndCheck(ApiClient.JSON.writeValueAsString(body));
    }

    @Property(tries = 100)
    void arbitraryTextIsAnsweredBelow500AndStoresNothing(@ForAll("texts") String body) {
        sendAndCheck(body);
    }

    private void sendAndCheck(String body) {
        long certificates = count("certificate");
        long requests = count("certificate_request");
        long audit = count("audit_event");

        ApiClient.Response response = api.postRaw("/api/v1/certificates", body, "application/json");

        assertThat(response.status()).as(response.toString()).isLessThan(500);
        if (ISSUED.contains(response.status())) {
            assertThat(count("certificate") + count("certificate_request")).isGreaterThanOrEqualTo(certificates + requests);
            return;
        }
        JsonNode problem = Problems.assertProblem(response, response.status(), slug(response));
        assertThat(problem.path("type").asString()).startsWith(ProblemTypes.PREFIX);
        assertThat(count("certificate")).as(response.toString()).isEqualTo(certificates);
        assertThat(count("certificate_request")).as(response.toString()).isEqualTo(requests);
        assertThat(count("audit_event")).as(response.toString()).isEqualTo(audit);
    }

    @Provide
    Arbitrary<Object> mangledRequests() {
        Arbitrary<Object> replaced = Combinators.combine(Arbitraries.of(FIELDS), anyJson(3)).as((field, value) -> {
            Map<String, Object> request = valid();
            request.put(field, value);
            return request;
        });
        Arbitrary<Object> subjectReplaced = Combinators.combine(Arbitraries.of(SUBJECT_FIELDS), anyJson(2)).as((field, value) -> {
            Map<String, Object> request = valid();
            @SuppressWarnings("unchecked")
            Map<String, Object> subject = (Map<String, Object>) request.get("subject");
            subject.put(field, value);
            return request;
        });
        Arbitrary<Object> dropped = Arbitraries.of(FIELDS).map(field -> {
            Map<String, Object> request = valid();
            request.remove(field);
            return request;
        });
        Arbitrary<Object> extra = Combinators.combine(Arbitraries.strings().ofMaxLength(12), anyJson(2)).as((field, value) -> {
            Map<String, Object> request = valid();
            request.put(field, value);
            return request;
        });
        return Arbitraries.frequencyOf(Tuple.of(4, replaced), Tuple.of(4, subjectReplaced),
                Tuple.of(1, dropped), Tuple.of(1, extra), Tuple.of(1, anyJson(4)));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withChars("{}[]\":,0123456789truefalsnl \\u").ofMaxLength(200));
    }

    /** Strings (any code point, control characters and bidi overrides included), numbers, booleans, null, lists, maps. */
    private static Arbitrary<Object> anyJson(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80).map(s -> (Object) s),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars('\u202e', '\u200b', '=', ',', '+', '%', '\'')
                        .ofMaxLength(20).map(s -> (Object) s),
                Arbitraries.longs().map(n -> (Object) n),
                Arbitraries.doubles().map(n -> (Object) n),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        if (depth == 0) {
            return leaf;
        }
        return Arbitraries.oneOf(leaf, leaf, anyJson(depth - 1).list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.strings().ofMaxLength(10), anyJson(depth - 1)).ofMaxSize(4).map(m -> (Object) m));
    }

    private static Map<String, Object> valid() {
        Map<String, Object> request = new LinkedHashMap<>(Requests.personal("Nguyễn Văn An", CSR));
        request.put("subject", new LinkedHashMap<>((Map<?, ?>) request.get("subject")));
        return request;
    }

    private static String slug(ApiClient.Response response) {
        String type = response.json().path("type").asString();
        return type.substring(type.lastIndexOf(':') + 1);
    }

    private static long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
