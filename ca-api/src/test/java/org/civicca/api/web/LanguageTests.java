package org.civicca.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.civicca.api.ApiClient;
import org.civicca.api.Problems;
import org.civicca.api.Requests;
import org.civicca.api.ServiceTest;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.message.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Clerks read Vietnamese: every kind of refusal, from the CA's rules, the service's own checks, its servlet filters
 * and Spring MVC itself, is detailed in Vietnamese when the request carries {@code Accept-Language: vi}, in English
 * otherwise, with the same status and the same problem {@code type}.
 */
class LanguageTests extends ServiceTest {

    private static final String CERTIFICATES = "/api/v1/certificates";

    @Autowired
    JdbcClient jdbc;

    /** A request sent with the given Accept-Language (null: none). */
    interface Call extends BiFunction<ApiClient, String, ApiClient.Response> {
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("a field rule of ca-core", 422, "invalid-field", post(CERTIFICATES, badNationalId()),
                        "subject.nationalId must be exactly 12 digits", "subject.nationalId phải gồm đúng 12 chữ số"),
                Arguments.of("an unknown serial", 404, "unknown-certificate", get(CERTIFICATES + "/0abc"),
                        "no certificate with serial abc", "không có chứng thư số nào có serial abc"),
                Arguments.of("a page size out of range", 400, "malformed-request", get(CERTIFICATES + "?size=0"),
                        "size must be 1 to 1000", "size phải từ 1 đến 1000"),
                Arguments.of("no token (a servlet filter)", 401, "unauthorized", anonymous(CERTIFICATES),
                        "a valid bearer token is required (Authorization: Bearer <token>)",
                        "cần một token hợp lệ (Authorization: Bearer <token>)"),
                Arguments.of("a percent-encoded path (a servlet filter)", 400, "malformed-request", get("/api/v1/%63ertificates"),
                        "the path must be plain: no percent-encoding, ';' parameters, '.' or '..' segments or doubled slashes",
                        "đường dẫn phải ở dạng thuần: không mã hóa phần trăm, không tham số ';', không đoạn '.' hay '..' và không có hai dấu gạch chéo liền nhau"),
                Arguments.of("malformed JSON (Jackson)", 400, "malformed-request", raw("{\"profile\":", "application/json"),
                        "request body is missing or is not valid JSON", "thiếu nội dung yêu cầu hoặc nội dung không phải JSON hợp lệ"),
                Arguments.of("an unknown JSON field (Jackson)", 400, "malformed-request", raw("{\"isCa\": true}", "application/json"),
                        "unknown field 'isCa'", "không có trường 'isCa'"),
                Arguments.of("a wrong content type (Spring MVC)", 415, "unsupported-media-type", raw("x", "text/plain"),
                        "content type text/plain is not supported; send application/json",
                        "kiểu nội dung text/plain không được hỗ trợ; hãy gửi application/json"),
                Arguments.of("a wrong method (Spring MVC)", 405, "method-not-allowed", delete(CERTIFICATES),
                        "method DELETE is not allowed on this path", "phương thức DELETE không được phép trên đường dẫn này"),
                Arguments.of("an unknown path (Spring MVC)", 404, "not-found", get("/api/v1/nothing-here"),
                        "nothing is found at this path", "không tìm thấy tài nguyên nào tại đường dẫn này"));
    }

    @Test
    void everyApiMessageHasEnglishAndVietnamese() {
        assertThat(Messages.missing(ApiMessage.values())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRefusalIsDetailedInTheClientsLanguageWithTheSameType(String what, int status, String slug, Call call, String english,
                                                              String vietnamese) {
        long certificates = certificateCount();

        ApiClient.Response inEnglish = call.apply(api, null);
        ApiClient.Response inVietnamese = call.apply(api, "vi");
        ApiClient.Response preferringVietnamese = call.apply(api, "vi-VN,vi;q=0.9,en;q=0.5");
        ApiClient.Response inFrench = call.apply(api, "fr-FR");

        assertThat(detail(inEnglish, status, slug)).isEqualTo(english);
        assertThat(inEnglish.header("Content-Language")).isEqualTo("en");
        assertThat(detail(inVietnamese, status, slug)).isEqualTo(vietnamese);
        assertThat(inVietnamese.header("Content-Language")).isEqualTo("vi");
        assertThat(detail(preferringVietnamese, status, slug)).isEqualTo(vietnamese);
        assertThat(detail(inFrench, status, slug)).isEqualTo(english);
        assertThat(certificateCount()).isEqualTo(certificates);
    }

    private static String detail(ApiClient.Response response, int status, String slug) {
        JsonNode problem = Problems.assertProblem(response, status, slug);
        return problem.path("detail").asString();
    }

    private long certificateCount() {
        return jdbc.sql("SELECT COUNT(*) FROM certificate").query(Long.class).single();
    }

    private static Map<String, Object> badNationalId() {
        Map<String, Object> request = Requests.personal(KeyAlgorithm.EC_P256);
        @SuppressWarnings("unchecked")
        Map<String, Object> subject = (Map<String, Object>) request.get("subject");
        subject.put("nationalId", "12345");
        return request;
    }

    private static Call get(String path) {
        return (api, language) -> api.send(withLanguage(api.authorized(path), language).GET().build());
    }

    private static Call delete(String path) {
        return (api, language) -> api.send(withLanguage(api.authorized(path), language).DELETE().build());
    }

    private static Call post(String path, Object json) {
        return (api, language) -> api.send(withLanguage(api.authorized(path), language).header("Content-Type", "application/json")
                .POST(body(json)).build());
    }

    private static Call raw(String text, String contentType) {
        return (api, language) -> api.send(withLanguage(api.authorized(CERTIFICATES), language).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(text)).build());
    }

    private static Call anonymous(String path) {
        return (api, language) -> api.anonymous("GET", path, language == null ? Map.of() : Map.of("Accept-Language", language));
    }

    private static HttpRequest.Builder withLanguage(HttpRequest.Builder request, String language) {
        return language == null ? request : request.header("Accept-Language", language);
    }

    private static HttpRequest.BodyPublisher body(Object json) {
        return HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(json));
    }
}
