package org.civicca.api.crl;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicca.api.ApiClient;
import org.civicca.api.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publication listener answers exactly as the service's own port does for the public files (the answers
 * {@link PublicationTests} checks in depth), and as a plain HTTP/1.1 server for everything else: connections kept
 * open, other paths and methods refused with problem+json, unparseable requests refused and closed.
 */
class PublicationListenerTests extends ServiceTest {

    private static final String IMF_FIXDATE = "[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT";
    private static final List<String> COMPARED = List.of("Content-Type", "Content-Length", "ETag", "Last-Modified", "Cache-Control");

    @Autowired
    PublicationListener listener;

    @Autowired
    MeterRegistry meters;

    private ApiClient publication;

    @BeforeEach
    void connectToTheListener() {
        assertThat(listener.port()).as("a listener on the free port it took").isPositive();
        publication = new ApiClient(listener.port(), "no token is sent to public files");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/crl/vinhphuc-issuing.crl", "/crl/vinhphuc-root.crl", "/ca/vinhphuc-issuing.crt", "/ca/vinhphuc-root.crt"})
    void everyAnswerAboutAPublicFileIsTheServicePortsAnswer(String path) {
        for (int attempt = 1; ; attempt++) {
            ApiClient.Response ours = api.anonymous("GET", path, Map.of());
            String tag = ours.header("ETag");
            List<Map<String, String>> conditions = List.of(Map.of(), Map.of("If-None-Match", tag), Map.of("If-None-Match", "\"older\", W/" + tag),
                    Map.of("If-None-Match", "*"), Map.of("If-None-Match", "\"older\""), Map.of("If-Modified-Since", ours.header("Last-Modified")),
                    Map.of("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT"), Map.of("If-Modified-Since", "yesterday"),
                    Map.of("If-None-Match", "\"older\"", "If-Modified-Since", ours.header("Last-Modified")));
            List<String> expected = new ArrayList<>();
            List<String> actual = new ArrayList<>();
            for (String method : List.of("GET", "HEAD")) {
                for (Map<String, String> condition : conditions) {
                    expected.add(method + " " + condition + " -> " + summary(api.anonymous(method, path, condition)));
                    actual.add(method + " " + condition + " -> " + summary(publication.anonymous(method, path, condition)));
                }
            }
            // A CRL renewed meanwhile (a revocation by another test) changes both answers: compare one version.
            if (tag.equals(api.anonymous("GET", path, Map.of()).header("ETag")) || attempt == 3) {
                assertThat(actual).isEqualTo(expected);
                assertThat(actual).anyMatch(answer -> answer.contains("-> 304")).anyMatch(answer -> answer.contains("-> 200"));
                return;
            }
        }
    }

    @Test
    void datesAreImfFixdatesAndTheCrlIsTheOneTheServicePortSends() {
        ApiClient.Response crl = publication.anonymous("GET", "/crl/vinhphuc-issuing.crl", Map.of());

        assertThat(crl.status()).isEqualTo(200);
        assertThat(crl.header("Date")).matches(IMF_FIXDATE);
        assertThat(crl.header("Last-Modified")).matches(IMF_FIXDATE);
        assertThat(api.anonymous("GET", "/crl/vinhphuc-issuing.crl", Map.of()).header("Last-Modified")).matches(IMF_FIXDATE);
    }

    @Test
    void oneConnectionServesRequestsInTurnAndClosesWhenAsked() throws IOException {
        try (Socket socket = new Socket("localhost", listener.port())) {
            send(socket, "GET /ca/vinhphuc-root.crt HTTP/1.1\r\nHost: ca.test\r\n\r\n"
                    + "HEAD http://ca.test/crl/vinhphuc-issuing.crl?fresh=1 HTTP/1.1\r\nHost: ca.test\r\n\r\n"
                    + "GET /ca/vinhphuc-issuing.crt HTTP/1.1\r\nHost: ca.test\r\nConnection: close\r\n\r\n");
            List<RawAnswer> answers = readUntilClosed(socket.getInputStream(), "GET", "HEAD", "GET");

            assertThat(answers).extracting(RawAnswer::status).containsExactly(200, 200, 200);
            assertThat(answers.get(0).headers()).containsEntry("content-type", "application/pkix-cert").doesNotContainKey("connection");
            assertThat(answers.get(1).headers()).containsEntry("content-type", "application/pkix-crl");
            assertThat(answers.get(1).body()).as("HEAD").isEmpty();
            assertThat(answers.get(2).headers()).containsEntry("connection", "close");
        }
    }

    @Test
    void anHttp10ClientIsAnsweredAndTheConnectionClosed() throws IOException {
        try (Socket socket = new Socket("localhost", listener.port())) {
            send(socket, "GET /ca/vinhphuc-root.crt HTTP/1.0\r\n\r\n");
            List<RawAnswer> answers = readUntilClosed(socket.getInputStream());

            assertThat(answers).extracting(RawAnswer::status).containsExactly(200);
            assertThat(answers.get(0).body()).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/crl/unknown-ca.crl", "/api/v1/certificates", "/crl/vinhphuc-issuing.crl/../../api/v1/cas",
        "/crl/vinhphuc%2Dissuing.crl"})
    void anythingButAPublicFileIsNotFound(String path) {
        ApiClient.Response answer = publication.anonymous("GET", path, Map.of("Accept-Language", "vi"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.header("Content-Language")).isEqualTo("vi");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:civicca:problem:http-404");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    @Test
    void otherMethodsAreRefusedWithTheMethodsAllowedAndTheConnectionClosed() throws IOException {
        try (Socket socket = new Socket("localhost", listener.port())) {
            send(socket, "POST /crl/vinhphuc-issuing.crl HTTP/1.1\r\nHost: ca.test\r\nContent-Length: 4\r\n\r\nabcd"
                    + "GET /ca/vinhphuc-root.crt HTTP/1.1\r\nHost: ca.test\r\n\r\n");
            List<RawAnswer> answers = readUntilClosed(socket.getInputStream());

            assertThat(answers).extracting(RawAnswer::status).containsExactly(405);
            assertThat(answers.get(0).headers()).containsEntry("allow", "GET, HEAD").containsEntry("connection", "close")
                    .containsEntry("content-type", "application/problem+json");
            assertThat(JsonMapper.shared().readTree(answers.get(0).body()).get("detail").asString()).contains("POST");
        }
    }

    @Test
    void anUnparseableRequestIsRefusedAndTheConnectionClosed() throws IOException {
        double refusedBefore = problems("urn:civicca:problem:http-400", "400");
        try (Socket socket = new Socket("localhost", listener.port())) {
            send(socket, "NOT AN HTTP REQUEST AT ALL\r\n\r\n");
            List<RawAnswer> answers = readUntilClosed(socket.getInputStream());

            assertThat(answers).extracting(RawAnswer::status).containsExactly(400);
            assertThat(answers.get(0).headers()).containsEntry("content-type", "application/problem+json");
        }
        assertThat(problems("urn:civicca:problem:http-400", "400")).isEqualTo(refusedBefore + 1);
    }

    @Test
    void answersAreCountedWithTheServicePortsAnswers() {
        double sentBefore = served("crl", "sent");
        double notModifiedBefore = served("crl", "not-modified");

        ApiClient.Response full = publication.anonymous("GET", "/crl/vinhphuc-issuing.crl", Map.of());
        publication.anonymous("GET", "/crl/vinhphuc-issuing.crl", Map.of("If-None-Match", full.header("ETag")));

        assertThat(served("crl", "sent")).isEqualTo(sentBefore + 1);
        assertThat(served("crl", "not-modified")).isEqualTo(notModifiedBefore + 1);
    }

    private static String summary(ApiClient.Response response) {
        Map<String, String> headers = new LinkedHashMap<>();
        COMPARED.forEach(name -> headers.put(name, response.header(name)));
        return response.status() + " " + headers + " body of " + response.body().length + " bytes, hash " + Arrays.hashCode(response.body());
    }

    private double served(String kind, String outcome) {
        return meters.get("civicca.public.files").tag("kind", kind).tag("outcome", outcome).counter().count();
    }

    private double problems(String type, String status) {
        var counter = meters.find("civicca.problems").tag("type", type).tag("status", status).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void send(Socket socket, String requests) throws IOException {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(requests.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * The answers on a connection until the server closes it: status line, headers (names in lower case), body by
     * Content-Length, none for the answers to the HEAD requests (by their place among the requests sent).
     */
    private static List<RawAnswer> readUntilClosed(InputStream in, String... methods) throws IOException {
        List<RawAnswer> answers = new ArrayList<>();
        for (String statusLine = line(in); statusLine != null; statusLine = line(in)) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).strip().toLowerCase(), header.substring(colon + 1).strip());
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            boolean head = answers.size() < methods.length && methods[answers.size()].equals("HEAD");
            int length = head || status == 304 ? 0 : Integer.parseInt(headers.getOrDefault("content-length", "0"));
            answers.add(new RawAnswer(status, headers, in.readNBytes(length)));
        }
        return answers;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = bytes.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            bytes.write(b);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.US_ASCII);
    }

    private record RawAnswer(int status, Map<String, String> headers, byte[] body) {
    }
}
