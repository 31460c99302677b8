package org.civicca.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.civicca.core.csr.CsrBuilder;
import org.civicca.core.key.KeyAlgorithm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes on one PostgreSQL database, sharing one ca.home as on a shared file system, started at the same moment.
 * Between them they create one set of CAs and one admin account; then the whole province is enrolled through both at
 * once, some requests sent to both nodes at the same time, while certificates are revoked through the node that did
 * not issue them. Nothing is lost or duplicated, the CRL numbers run without a gap, and both nodes serve a CRL with
 * every revocation within the stated bound.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTests {

    private static final String ISSUING = "vinhphuc-issuing";
    /** ca.crl.publish-delay + ca.crl.sync-interval of the default configuration, plus the time to build and read a CRL. */
    private static final Duration CRL_BOUND = Duration.ofSeconds(1 + 2 + 5);
    private static final int TWINS = 100;
    private static final int REVOKE_EVERY = 4;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Path folder;
    private static Postgres.Database database;
    private static Service a;
    private static Service b;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startTwoNodesAtOnce() {
        folder = TempFolders.create("two-nodes");
        database = Postgres.newDatabase();
        Path home = folder.resolve("shared-home");
        CompletableFuture<Service> first = CompletableFuture.supplyAsync(() -> Service.startOnPostgres(home, folder.resolve("a.log"), database));
        CompletableFuture<Service> second = CompletableFuture.supplyAsync(() -> Service.startOnPostgres(home, folder.resolve("b.log"), database));
        a = first.join();
        b = second.join();
    }

    @AfterAll
    static void stopNodes() {
        for (Service node : new Service[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
        TempFolders.delete(folder);
    }

    @Test
    @Order(1)
    void nodesStartedTogetherCreateOneSetOfCasAndOneAdmin() throws SQLException {
        try (Connection db = database.connect()) {
            assertThat(count(db, "SELECT COUNT(*) FROM ca_authority")).isEqualTo(2);
            assertThat(count(db, "SELECT COUNT(*) FROM audit_event WHERE action = 'ca.created'")).isEqualTo(2);
            assertThat(count(db, "SELECT COUNT(*) FROM account")).isEqualTo(1);
        }
        assertThat(get(a, "/ca/" + ISSUING + ".crt").body()).isEqualTo(get(b, "/ca/" + ISSUING + ".crt").body());
        assertThat(Files.exists(a.home().resolve("admin.token"))).isTrue();
        assertThat(get(b, "/api/v1/cas").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void provinceEnrolledAndRevokedThroughBothNodesLosesAndDuplicatesNothing() throws Exception {
        Cli.Result agencies = new Cli(a, folder).run("agencies", "import", ProvinceData.file("agencies.csv").toString());
        assertThat(agencies.exitCode()).as(agencies.toString()).isZero();
        List<Map<String, String>> rows = Csv.rows(ProvinceData.file("enrollment.csv"));

        Map<String, Set<String>> serialsByRequest = new ConcurrentHashMap<>();
        Set<String> revoked = ConcurrentHashMap.newKeySet();
        List<String> failures = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Void>> work = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Map<String, String> row = rows.get(i);
                Service issuer = i % 2 == 0 ? a : b;
                Service other = issuer == a ? b : a;
                String body = requestBody(row);
                List<Service> targets = i < TWINS ? List.of(issuer, other) : List.of(issuer);
                boolean revoke = i % REVOKE_EVERY == 0;
                for (Service target : targets) {
                    work.add(CompletableFuture.runAsync(() -> {
                        HttpResponse<String> issued = post(target, "/api/v1/certificates", body);
                        if (issued.statusCode() != 201 && issued.statusCode() != 200) {
                            synchronized (failures) {
                                failures.add(row.get("request_id") + " → " + issued.statusCode() + " " + issued.body());
                            }
                            return;
                        }
                        String serial = field(issued.body(), "serial");
                        serialsByRequest.computeIfAbsent(row.get("request_id"), id -> ConcurrentHashMap.newKeySet()).add(serial);
                        if (revoke && target == issuer) {
                            HttpResponse<String> revocation = post(other, "/api/v1/certificates/" + serial + "/revocation",
                                    "{\"reason\":\"keyCompromise\"}");
                            if (revocation.statusCode() == 200) {
                                revoked.add(serial);
                            } else {
                                synchronized (failures) {
                                    failures.add("revoke " + serial + " → " + revocation.statusCode() + " " + revocation.body());
                                }
                            }
                        }
                    }, clients));
                }
            }
            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
        } finally {
            clients.shutdown();
        }
        long lastRevocation = System.nanoTime();

        assertThat(failures).as(TwoNodesTests::errorsLogged).isEmpty();
        assertThat(serialsByRequest).hasSize(rows.size());
        assertThat(serialsByRequest.values()).allSatisfy(serials -> assertThat(serials).hasSize(1));
        assertThat(revoked).hasSize((rows.size() + REVOKE_EVERY - 1) / REVOKE_EVERY);
        Set<String> serials = serialsByRequest.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        try (Connection db = database.connect()) {
            assertThat(count(db, "SELECT COUNT(*) FROM certificate")).isEqualTo(rows.size());
            assertThat(count(db, "SELECT COUNT(DISTINCT request_id) FROM certificate")).isEqualTo(rows.size());
            assertThat(count(db, "SELECT COUNT(*) FROM certificate WHERE status = 'REVOKED'")).isEqualTo(revoked.size());
        }
        for (String serial : serials) {
            assertThat(get(a, "/api/v1/certificates/" + serial).statusCode()).isEqualTo(200);
            assertThat(get(b, "/api/v1/certificates/" + serial).statusCode()).isEqualTo(200);
        }

        X509CRL fromA = awaitCrlWith(a, revoked, lastRevocation);
        X509CRL fromB = awaitCrlWith(b, revoked, lastRevocation);
        try (Connection db = database.connect()) {
            long newest = count(db, "SELECT MAX(crl_number) FROM crl WHERE ca_name = '" + ISSUING + "'");
            assertThat(crlNumber(fromA)).isEqualTo(newest);
            assertThat(crlNumber(fromB)).isEqualTo(newest);
            for (String ca : List.of(ISSUING, "vinhphuc-root")) {
                List<Long> numbers = longs(db, "SELECT crl_number FROM crl WHERE ca_name = '" + ca + "' ORDER BY this_update, crl_number");
                assertThat(numbers).as("CRL numbers of %s in the order they were made", ca)
                        .isEqualTo(LongStream.rangeClosed(1, numbers.size()).boxed().toList());
            }
        }
        JsonNode verification = JSON.readTree(getOk(b, "/api/v1/audit/verification"));
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
    }

    private static String errorsLogged() {
        return "errors in the nodes' logs:\n" + (a.log() + b.log()).lines()
                .filter(line -> line.contains(" ERROR ") || line.contains("Exception"))
                .limit(40).collect(Collectors.joining("\n"));
    }

    /** PostgreSQL can neither store nor compare U+0000, which H2 takes in its stride: every such input is the client's. */
    @Test
    @Order(3)
    void textWithNulIsRefusedAsBadInputOnPostgresql() {
        Map<String, String> row = Csv.rows(ProvinceData.file("enrollment.csv")).get(0);
        String withNulAgency = requestBody(row).replace("\"agency\":\"" + row.get("agency") + "\"", "\"agency\":\"so\\u0000tc\"");
        assertThat(withNulAgency).contains("\\u0000");

        assertThat(post(a, "/api/v1/certificates", withNulAgency).statusCode()).isEqualTo(422);
        assertThat(post(a, "/api/v1/accounts", "{\"name\":\"clerk.nul\",\"role\":\"CLERK\",\"agency\":\"so\\u0000tc\"}").statusCode())
                .isEqualTo(422);
        for (String query : List.of("q=%00abc", "agency=so%00tc", "requestId=VP%00", "profile=%00")) {
            assertThat(get(a, "/api/v1/certificates?" + query).statusCode()).as(query).isEqualTo(400);
        }
        assertThat(get(a, "/api/v1/audit?actor=a%00b").statusCode()).isEqualTo(400);
        assertThat(a.log()).doesNotContain("Internal error");
    }

    @Test
    @Order(4)
    void nodeRefusesToStartOnASchemaNewerThanItKnows() throws SQLException {
        b.close();
        try (Connection db = database.connect()) {
            db.createStatement().executeUpdate("""
                    INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by,
                                                       installed_on, execution_time, success)
                    VALUES (999, '999', 'from a newer release', 'SQL', 'V999__from_a_newer_release.sql', 0, 'civicca', NOW(), 1, TRUE)""");
        }

        assertThatThrownBy(() -> Service.startOnPostgres(folder.resolve("shared-home"), folder.resolve("c.log"), database))
                .hasMessageContaining("exited during start").hasMessageContaining("Detected applied migration not resolved locally: 999");
    }

    /** Polls the node's public CRL until it lists every revoked serial; fails if that takes longer than the bound. */
    private static X509CRL awaitCrlWith(Service node, Set<String> revoked, long since) throws Exception {
        Set<BigInteger> wanted = revoked.stream().map(serial -> new BigInteger(serial, 16)).collect(Collectors.toSet());
        while (true) {
            X509CRL crl = crl(node);
            Set<BigInteger> listed = new HashSet<>();
            if (crl.getRevokedCertificates() != null) {
                for (X509CRLEntry entry : crl.getRevokedCertificates()) {
                    listed.add(entry.getSerialNumber());
                }
            }
            if (listed.containsAll(wanted)) {
                return crl;
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - since);
            assertThat(waited).as("time until the CRL of node %s lists every revocation", node.url()).isLessThan(CRL_BOUND);
            Thread.sleep(200);
        }
    }

    private static X509CRL crl(Service node) throws CRLException, CertificateException {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(node.url().resolve("/crl/" + ISSUING + ".crl")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(response.body()));
    }

    private static long crlNumber(X509CRL crl) {
        byte[] value = crl.getExtensionValue(Extension.cRLNumber.getId());
        return ASN1Integer.getInstance(ASN1OctetString.getInstance(value).getOctets()).getValue().longValueExact();
    }

    private static String requestBody(Map<String, String> row) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("commonName", row.get("common_name"));
        subject.put("email", row.get("email"));
        for (String[] optional : new String[][] {{"nationalId", "national_id"}, {"title", "title"}, {"unit", "unit"},
            {"taxCode", "tax_code"}}) {
            String value = row.get(optional[1]);
            if (value != null && !value.isEmpty()) {
                subject.put(optional[0], value);
            }
        }
        KeyAlgorithm key = KeyAlgorithm.EC_P256;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", row.get("request_id"));
        body.put("profile", row.get("profile"));
        body.put("agency", row.get("agency"));
        body.put("subject", subject);
        body.put("csr", CsrBuilder.pem(CsrBuilder.build(key.generate(new SecureRandom()), key)));
        return JSON.writeValueAsString(body);
    }

    private static String field(String json, String name) {
        return JSON.readTree(json).get(name).asString();
    }

    private static HttpResponse<String> post(Service node, String path, String json) {
        return send(HttpRequest.newBuilder(node.url().resolve(path)).header("Authorization", "Bearer " + node.adminToken())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(Service node, String path) {
        return send(HttpRequest.newBuilder(node.url().resolve(path)).header("Authorization", "Bearer " + node.adminToken()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String getOk(Service node, String path) {
        HttpResponse<String> response = get(node, path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        return longs(db, sql).get(0);
    }

    private static List<Long> longs(Connection db, String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }
}
