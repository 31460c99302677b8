package org.civicca.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the service's REST API directly, as the admin, to check what the CLI did. */
final class Api {

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

    private final Service service;
    private final HttpClient http = HttpClient.newHttpClient();

    Api(Service service) {
        this.service = service;
    }

    /** GET with the admin token; fails unless 200. */
    String get(String pathAndQuery) {
        HttpResponse<String> response = fetch(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** POST without a body, with any token; the answer whatever its status. */
    HttpResponse<String> postAs(String token, String path) {
        return send(HttpRequest.newBuilder(service.url().resolve(path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** GET with the admin token; the answer whatever its status. */
    HttpResponse<String> fetch(String path) {
        return send(HttpRequest.newBuilder(service.url().resolve(path)).header("Authorization", "Bearer " + service.adminToken())
                .header("Accept", "application/json").build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

    static long total(String json) {
        Matcher matcher = TOTAL.matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("no \"total\" in " + json);
        }
        return Long.parseLong(matcher.group(1));
    }
}
