package org.civicca.cli.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.civicca.cli.CliException;
import org.civicca.cli.CliMessage;
import org.civicca.cli.ExitCode;
import org.civicca.core.message.Messages;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One kept-alive HTTP/1.1 connection pool to the service, and what its answers mean to the CLI: a problem+json answer
 * becomes an {@link ApiProblemException} (with the server's Retry-After), a broken connection a transient one (503),
 * an unreachable server or a refused token a {@link CliException} with exit code 3.
 */
final class ApiConnection {

    /** Unknown fields are ignored, so the server may grow. */
    static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final URI server;
    private final Locale language;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    ApiConnection(URI server, Locale language) {
        this.server = server;
        this.language = language;
    }

    HttpResponse<byte[]> exchange(HttpRequest request) {
        return exchange(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> exchange(HttpRequest request, HttpResponse.BodyHandler<byte[]> body) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, body);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new CliException(ExitCode.SERVER, CliMessage.SERVER_UNREACHABLE, server);
        } catch (IOException e) {
            throw new ApiProblemException(503, null,
                    Messages.format(language, CliMessage.CONNECTION_FAILED, server, e.getClass().getSimpleName()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.SERVER, CliMessage.INTERRUPTED, server);
        }
        int status = response.statusCode();
        if (status == 401) {
            throw new CliException(ExitCode.SERVER, CliMessage.TOKEN_REFUSED, server);
        }
        if (status >= 400) {
            throw problem(status, response.body(), retryAfter(response));
        }
        return response;
    }

    private ApiProblemException problem(int status, byte[] body, long retryAfterSeconds) {
        String bare = Messages.format(language, CliMessage.HTTP_STATUS, status);
        try {
            Wire.Problem problem = JSON.readValue(body, Wire.Problem.class);
            return new ApiProblemException(status, problem.type(), problem.detail() == null ? bare : problem.detail(), problem.field(),
                    retryAfterSeconds);
        } catch (JacksonException e) {
            return new ApiProblemException(status, null, bare, null, retryAfterSeconds);
        }
    }

    /** Retry-After in seconds (the only form the service sends); 0 when absent or a date. */
    private static long retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse("");
        return value.matches("\\d{1,6}") ? Long.parseLong(value) : 0;
    }
}
