package org.civicca.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
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
    private static Api apiA;
    private static Api apiB;

    @BeforeAll
    static void startTwoNodesAtOnce() {
        folder = TempFolders.create("two-nodes");
        database = Postgres.newDatabase();
        Path home = folder.resolve("shared-home");
        CompletableFuture<Service> first = CompletableFuture.supplyAsync(() -> Service.startOnPostgres(home, folder.resolve("a.log"), database));
        CompletableFuture<Service> second = CompletableFuture.supplyAsync(() -> Service.startOnPostgres(home, folder.resolve("b.log"), database));
        a = first.join();
        b = second.join();
        apiA = new Api(a);
        apiB = new Api(b);
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
        assertThat(apiA.publicFile("/ca/" + ISSUING + ".crt")).isEqualTo(apiB.publicFile("/ca/" + ISSUING + ".crt"));
        assertThat(Files.exists(a.home().resolve("admin.token"))).isTrue();
        assertThat(apiB.fetch("/api/v1/cas").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void provinceEnrolledAndRevokedThroughBothNodesLosesAndDuplicatesNothing() throws Exception {
        Cli.Result agencies = new Cli(a, folder).run("agencies", "import", ProvinceData.file("agencies.csv").toString());
        assertThat(agencies.exitCode()).as(agencies.toString()).isZero();
        List<Map<String, String>> rows = Csv.rows(ProvinceData.file("enrollment.csv"));

        Outcome outcome = issueAndRevokeThroughBothNodes(rows);
        long lastRevocation = System.nanoTime();

        assertThat(outcome.failures()).as(TwoNodesTests::errorsLogged).isEmpty();
        assertThat(outcome.serialsByRequest()).hasSize(rows.size());
        assertThat(outcome.serialsByRequest().values()).allSatisfy(serials -> assertThat(serials).hasSize(1));
        assertThat(outcome.revoked()).hasSize((rows.size() + REVOKE_EVERY - 1) / REVOKE_EVERY);
        try (Connection db = database.connect()) {
            assertThat(count(db, "SELECT COUNT(*) FROM certificate")).isEqualTo(rows.size());
            assertThat(count(db, "SELECT COUNT(DISTINCT request_id) FROM certificate")).isEqualTo(rows.size());
            assertThat(count(db, "SELECT COUNT(*) FROM certificate WHERE status = 'REVOKED'")).isEqualTo(outcome.revoked().size());
        }
        for (String serial : outcome.serials()) {
            assertThat(apiA.fetch("/api/v1/certificates/" + serial).statusCode()).isEqualTo(200);
            assertThat(apiB.fetch("/api/v1/certificates/" + serial).statusCode()).isEqualTo(200);
        }

        Crl fromA = awaitCrlWith(apiA, outcome.revoked(), lastRevocation);
        Crl fromB = awaitCrlWith(apiB, outcome.revoked(), lastRevocation);
        try (Connection db = database.connect()) {
            long newest = count(db, "SELECT MAX(crl_number) FROM crl WHERE ca_name = '" + ISSUING + "'");
            assertThat(fromA.number().longValueExact()).isEqualTo(newest);
            assertThat(fromB.number().longValueExact()).isEqualTo(newest);
            for (String ca : List.of(ISSUING, "vinhphuc-root")) {
                List<Long> numbers = longs(db, "SELECT crl_number FROM crl WHERE ca_name = '" + ca + "' ORDER BY this_update, crl_number");
                assertThat(numbers).as("CRL numbers of %s in the order they were made", ca)
                        .isEqualTo(LongStream.rangeClosed(1, numbers.size()).boxed().toList());
            }
        }
        JsonNode verification = JSON.readTree(apiB.get("/api/v1/audit/verification"));
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
    }

    /** PostgreSQL can neither store nor compare U+0000, which H2 takes in its stride: every such input is the client's. */
    @Test
    @Order(3)
    void textWithNulIsRefusedAsBadInputOnPostgresql() {
        Map<String, Object> withNulAgency = ProvinceRequests.issuanceFields(Csv.rows(ProvinceData.file("enrollment.csv")).get(0));
        withNulAgency.put("agency", "so\u0000tc");

        assertThat(post(apiA, "/api/v1/certificates", ProvinceRequests.json(withNulAgency)).statusCode()).isEqualTo(422);
        assertThat(post(apiA, "/api/v1/accounts", ProvinceRequests.json(Map.of("name", "clerk.nul", "role", "CLERK", "agency", "so\u0000tc")))
                .statusCode()).isEqualTo(422);
        for (String query : List.of("q=%00abc", "agency=so%00tc", "requestId=VP%00", "profile=%00")) {
            assertThat(apiA.fetch("/api/v1/certificates?" + query).statusCode()).as(query).isEqualTo(400);
        }
        assertThat(apiA.fetch("/api/v1/audit?actor=a%00b").statusCode()).isEqualTo(400);
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

    /** What 16 clients got from both nodes: the serials answered per requestId, the revocations answered, the failures. */
    private record Outcome(Map<String, Set<String>> serialsByRequest, Set<String> revoked, List<String> failures) {

        Set<String> serials() {
            return serialsByRequest.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        }
    }

    /**
     * Row i goes to node A or B in turn, the first {@link #TWINS} rows to both at once; every {@link #REVOKE_EVERY}th
     * certificate is revoked through the node that did not issue it, while issuance goes on.
     */
    private static Outcome issueAndRevokeThroughBothNodes(List<Map<String, String>> rows) {
        Outcome outcome = new Outcome(new ConcurrentHashMap<>(), ConcurrentHashMap.newKeySet(), Collections.synchronizedList(new ArrayList<>()));
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Void>> work = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Map<String, String> row = rows.get(i);
                Api issuer = i % 2 == 0 ? apiA : apiB;
                Api other = issuer == apiA ? apiB : apiA;
                String body = ProvinceRequests.issuance(row);
                boolean revoke = i % REVOKE_EVERY == 0;
                work.add(CompletableFuture.runAsync(() -> issueOne(issuer, other, row, body, revoke, outcome), clients));
                if (i < TWINS) {
                    work.add(CompletableFuture.runAsync(() -> issueOne(other, issuer, row, body, false, outcome), clients));
                }
            }
            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
        } finally {
            clients.shutdown();
        }
        return outcome;
    }

    private static void issueOne(Api target, Api other, Map<String, String> row, String body, boolean revoke, Outcome outcome) {
        HttpResponse<String> issued = post(target, "/api/v1/certificates", body);
        if (issued.statusCode() != 201 && issued.statusCode() != 200) {
            outcome.failures().add(row.get("request_id") + " → " + issued.statusCode() + " " + issued.body());
            return;
        }
        String serial = JSON.readTree(issued.body()).get("serial").asString();
        outcome.serialsByRequest().computeIfAbsent(row.get("request_id"), id -> ConcurrentHashMap.newKeySet()).add(serial);
        if (revoke) {
            HttpResponse<String> revocation = post(other, "/api/v1/certificates/" + serial + "/revocation", "{\"reason\":\"keyCompromise\"}");
            if (revocation.statusCode() == 200) {
                outcome.revoked().add(serial);
            } else {
                outcome.failures().add("revoke " + serial + " → " + revocation.statusCode() + " " + revocation.body());
            }
        }
    }

    private static String errorsLogged() {
        return "errors in the nodes' logs:\n" + (a.log() + b.log()).lines()
                .filter(line -> line.contains(" ERROR ") || line.contains("Exception"))
                .limit(40).collect(Collectors.joining("\n"));
    }

    /** Polls the node's public CRL until it lists every revoked serial; fails if that takes longer than the bound. */
    private static Crl awaitCrlWith(Api node, Set<String> revoked, long since) throws InterruptedException {
        Set<BigInteger> wanted = revoked.stream().map(serial -> new BigInteger(serial, 16)).collect(Collectors.toSet());
        while (true) {
            Crl crl = Crl.fetch(node, ISSUING);
            if (crl.serials().containsAll(wanted)) {
                return crl;
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - since);
            assertThat(waited).as("time until a node's CRL lists every revocation").isLessThan(CRL_BOUND);
            Thread.sleep(200);
        }
    }

    private static HttpResponse<String> post(Api node, String path, String json) {
        try {
            return node.post(path, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
