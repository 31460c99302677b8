package org.civicca.cli.client;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.civicca.cli.CliException;
import org.civicca.cli.CliMessage;
import org.civicca.cli.ExitCode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * A typed client of the CivicCA REST API: one method a call, over one {@link ApiConnection}, which turns problems into
 * {@link ApiProblemException} and an unreachable server or refused token into a {@link CliException} with exit code 3.
 * The token travels only in the Authorization header; it is never printed.
 */
public final class CaClient {

    public static final int AUDIT_PAGE = 1000;

    private static final JsonMapper JSON = ApiConnection.JSON;

    private final URI server;
    private final String token;
    private final Locale language;
    private final ApiConnection connection;

    /** {@code language} is asked of the server for its error details ({@code Accept-Language}). */
    public CaClient(URI server, String token, Locale language) {
        this.server = URI.create(server.toString().replaceAll("/+$", "") + "/");
        this.token = token;
        this.language = language;
        this.connection = new ApiConnection(this.server, language);
    }

    public URI server() {
        return server;
    }

    public Locale language() {
        return language;
    }

    public List<Wire.Agency> agencies() {
        return send(request("api/v1/agencies").GET(), list(Wire.Agency.class));
    }

    public Wire.Agency createAgency(Wire.Agency agency) {
        return send(json(request("api/v1/agencies"), "POST", agency), type(Wire.Agency.class));
    }

    public Wire.Agency updateAgency(Wire.Agency agency) {
        return send(json(request("api/v1/agencies/" + encode(agency.code())), "PUT", agency), type(Wire.Agency.class));
    }

    public Wire.Account createAccount(Map<String, Object> body) {
        return send(json(request("api/v1/accounts"), "POST", body), type(Wire.Account.class));
    }

    public List<Wire.Account> accounts() {
        return send(request("api/v1/accounts").GET(), list(Wire.Account.class));
    }

    public Wire.Account disableAccount(String id) {
        return send(request("api/v1/accounts/" + encode(id) + "/disable").POST(HttpRequest.BodyPublishers.noBody()),
                type(Wire.Account.class));
    }

    public Wire.NewToken createToken(String accountId, int expiresInDays) {
        return send(json(request("api/v1/accounts/" + encode(accountId) + "/tokens"), "POST", Map.of("expiresInDays", expiresInDays)),
                type(Wire.NewToken.class));
    }

    public List<Wire.Token> tokens(String accountId) {
        return send(request("api/v1/accounts/" + encode(accountId) + "/tokens").GET(), list(Wire.Token.class));
    }

    public void revokeToken(String tokenId) {
        exchange(request("api/v1/tokens/" + encode(tokenId)).DELETE().build());
    }

    /** The audit chain, oldest first, after a sequence number, {@link #AUDIT_PAGE} entries at most. */
    public List<Wire.AuditEntry> auditChain(long after) {
        return send(request("api/v1/audit/chain?after=" + after + "&size=" + AUDIT_PAGE).GET(), list(Wire.AuditEntry.class));
    }

    public List<Wire.AuditCheckpoint> auditCheckpoints() {
        return send(request("api/v1/audit/checkpoints").GET(), list(Wire.AuditCheckpoint.class));
    }

    public String auditKeyPem() {
        return new String(exchange(request("api/v1/audit/key").setHeader("Accept", "application/x-pem-file").GET().build()).body(),
                StandardCharsets.US_ASCII);
    }

    public List<Wire.Profile> profiles() {
        return send(request("api/v1/profiles").GET(), list(Wire.Profile.class));
    }

    /**
     * Issues, or gets back the certificate an earlier call with the same requestId and content already issued, or the
     * request that waits for an officer's approval.
     */
    public Wire.Issued issue(Map<String, Object> body) {
        HttpResponse<byte[]> response = exchange(json(request("api/v1/certificates"), "POST", body).build());
        if (response.headers().firstValue("Location").orElse("").startsWith("/api/v1/requests/")) {
            return new Wire.Issued(null, false, read(response, type(Wire.PendingRequest.class)));
        }
        return new Wire.Issued(read(response, type(Wire.Certificate.class)), response.statusCode() == 201, null);
    }

    /**
     * Issues up to a hundred requests in one call; each result says what that request alone would have been answered.
     * Empty when the server predates {@code POST /api/v1/certificates/batch}.
     */
    public Optional<List<Wire.BatchResult>> issueBatch(List<Map<String, Object>> bodies) {
        HttpResponse<byte[]> response;
        try {
            response = exchange(json(request("api/v1/certificates/batch"), "POST", Map.of("requests", bodies)).build());
        } catch (ApiProblemException e) {
            if (e.status() == 404 || e.status() == 405) {
                return Optional.empty();
            }
            throw e;
        }
        Wire.BatchAnswer answer = read(response, type(Wire.BatchAnswer.class));
        return Optional.of(answer.results());
    }

    public Wire.Certificate revoke(String serial, Map<String, Object> body) {
        return send(json(request("api/v1/certificates/" + encode(serial) + "/revocation"), "POST", body), type(Wire.Certificate.class));
    }

    public Wire.CertificatePage certificates(Map<String, String> query) {
        String parameters = query.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request("api/v1/certificates?" + parameters).GET(), type(Wire.CertificatePage.class));
    }

    public Wire.Holds holds() {
        return send(request("api/v1/holds").GET(), type(Wire.Holds.class));
    }

    public List<Wire.Ca> cas() {
        return send(request("api/v1/cas").GET(), list(Wire.Ca.class));
    }

    public Wire.Crl publishCrl(String ca) {
        return send(request("api/v1/cas/" + encode(ca) + "/crl").POST(HttpRequest.BodyPublishers.noBody()), type(Wire.Crl.class));
    }

    /** The CA's newest CRL (DER) from the public, credential-free URL. */
    public byte[] crl(String ca) {
        return bytes(HttpRequest.newBuilder(server.resolve("crl/" + encode(ca) + ".crl")).timeout(Duration.ofSeconds(60)).GET());
    }

    /** The CA's certificate (DER) from the public URL. */
    public byte[] caCertificate(String ca) {
        return bytes(HttpRequest.newBuilder(server.resolve("ca/" + encode(ca) + ".crt")).timeout(Duration.ofSeconds(60)).GET());
    }

    /**
     * Has the service make a backup and streams it into {@code file}, which exists (its permissions are kept). The
     * snapshot is taken before the answer starts, so a large database may take minutes.
     */
    public void backup(Path file) {
        HttpRequest request = request("api/v1/backups").timeout(Duration.ofMinutes(30))
                .setHeader("Accept", "application/zip, application/problem+json").POST(HttpRequest.BodyPublishers.noBody()).build();
        connection.exchange(request, answer -> answer.statusCode() == 200
                ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofFile(file, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING), written -> new byte[0])
                : HttpResponse.BodySubscribers.ofByteArray());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Accept-Language", language.toLanguageTag());
    }

    private static HttpRequest.Builder json(HttpRequest.Builder request, String method, Object body) {
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }

    private <T> T send(HttpRequest.Builder request, JavaType type) {
        return read(exchange(request.build()), type);
    }

    private <T> T read(HttpResponse<byte[]> response, JavaType type) {
        try {
            return JSON.readValue(response.body(), type);
        } catch (JacksonException e) {
            throw new CliException(ExitCode.SERVER, CliMessage.UNEXPECTED_ANSWER, server, response.statusCode());
        }
    }

    private byte[] bytes(HttpRequest.Builder request) {
        return exchange(request.build()).body();
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) {
        return connection.exchange(request);
    }

    private static JavaType type(Class<?> type) {
        return JSON.constructType(type);
    }

    private static JavaType list(Class<?> element) {
        return JSON.getTypeFactory().constructCollectionType(List.class, element);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** For JSON output of command results. */
    public static String toJson(Object value) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }
}
