package org.civicca.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's REST API called directly: as the admin, to check what the CLI did or to act beside it, and without a
 * token for the public files relying parties fetch.
 */
final class Api {

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern SERIAL = Pattern.compile("\"serial\"\\s*:\\s*\"([0-9a-fA-F]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

    private final Service service;
    private final HttpClient http = HttpClient.newHttpClient();

    Api(Service service) {
        this.service = service;
    }

    /** GET with the admin token; fails unless 200. */
    String get(String pathAndQuery) {
        return ok("GET " + pathAndQuery, fetch(pathAndQuery)).body();
    }

    /** The service's Prometheus scrape, with the admin token; fails unless 200. */
    String prometheus() {
        return ok("GET /actuator/prometheus", unchecked(authorized("/actuator/prometheus").build(), HttpResponse.BodyHandlers.ofString())).body();
    }

    /** GET with the admin token; the answer whatever its status. */
    HttpResponse<String> fetch(String path) {
        return unchecked(authorized(path).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST without a body, with any token; the answer whatever its status. */
    HttpResponse<String> postAs(String token, String path) {
        return unchecked(HttpRequest.newBuilder(service.url().resolve(path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * POST a JSON body with the admin token; the answer whatever its status. Throws IOException when no answer came
     * (connection refused, reset, or cut off mid-answer).
     */
    HttpResponse<String> post(String path, String json) throws IOException {
        return send(authorized(path).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Issues one certificate ({@code POST /api/v1/certificates}, a JSON request); its serial. Waits out 429s, fails on others. */
    String issue(String json) throws IOException {
        while (true) {
            HttpResponse<String> response = post("/api/v1/certificates", json);
            if (response.statusCode() == 201) {
                Matcher serial = SERIAL.matcher(response.body());
                if (!serial.find()) {
                    throw new AssertionError("no serial in " + response.body());
                }
                return serial.group(1);
            }
            if (response.statusCode() != 429) {
                throw new AssertionError("issuing answered " + response.statusCode() + ": " + response.body());
            }
            Service.sleep(100);
        }
    }

    /** A public file (no token), as relying parties fetch it, e.g. {@code /crl/vinhphuc-issuing.crl}; fails unless 200. */
    byte[] publicFile(String path) {
        return ok("GET " + path, unchecked(HttpRequest.newBuilder(service.url().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray())).body();
    }

    /** The same file from the publication listener, the port a public proxy points relying parties to; fails unless 200. */
    byte[] publicationFile(String path) {
        return ok("GET " + path, unchecked(HttpRequest.newBuilder(service.publicationUrl().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray())).body();
    }

    /** How many audit entries of one action, e.g. {@code certificate.revoked}. */
    long auditEntries(String action) {
        return total(get("/api/v1/audit?size=1&action=" + action));
    }

    /** How many certificates the server holds in all. */
    long certificateCount() {
        return total(get("/api/v1/certificates?size=1"));
    }

    /** How many certificates the server holds for one request id. */
    long certificatesOfRequest(String requestId) {
        return total(get("/api/v1/certificates?size=10&requestId=" + requestId));
    }

    /** ISSUED, REVOKED, ... of one certificate. */
    String statusOf(String serial) {
        String body = get("/api/v1/certificates/" + serial);
        Matcher matcher = STATUS.matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("no status in " + body);
        }
        return matcher.group(1);
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(service.url().resolve(path)).header("Authorization", "Bearer " + service.adminToken());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException {
        try {
            return http.send(request, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private <T> HttpResponse<T> unchecked(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> HttpResponse<T> ok(String call, HttpResponse<T> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError(call + " answered " + response.statusCode() + ": "
                    + (response.body() instanceof String text ? text : "(bytes)"));
        }
        return response;
    }

    static long total(String json) {
        Matcher matcher = TOTAL.matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("no \"total\" in " + json);
        }
        return Long.parseLong(matcher.group(1));
    }
}
