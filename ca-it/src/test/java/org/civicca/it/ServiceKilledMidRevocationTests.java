package org.civicca.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The service dies (kill -9) in the middle of a burst of concurrent revocations and is restarted on the same home.
 * Every revocation it acknowledged is in the CRL it serves after the restart and in the next one, whose number is
 * higher than any seen before the kill; a revocation that was in flight is either fully there (REVOKED and listed) or
 * fully absent; rerunning the revocations from a file finishes the work and calls the done ones already revoked; and
 * the audit chain verifies.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceKilledMidRevocationTests {

    private static final String CA = "vinhphuc-issuing";
    private static final int FIRST_ROW = 1301;
    private static final int CERTIFICATES = 200;
    private static final int REVOKED_BEFORE_BURST = 20;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 60;
    private static final int THREADS = 4;
    private static final String KEY_COMPROMISE = "{\"reason\":\"keyCompromise\"}";

    private static Path folder;
    private static Service service;
    private static Cli cli;
    private static Api api;
    private static List<String> serials;

    /** Revocations answered 200. */
    private static final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    /** Sent, but the connection broke before an answer came: the service may or may not have revoked them. */
    private static final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    /** Never reached the service: refused connections and serials the burst had not come to when the service died. */
    private static final Set<String> neverSent = ConcurrentHashMap.newKeySet();
    /** Any other answer, e.g. a 500: none is expected. */
    private static final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private static BigInteger highestCrlNumberBeforeKill = BigInteger.ZERO;
    /** REVOKED on the server after the restart, before the file is rerun. */
    private static Set<String> revokedAfterRestart;

    @BeforeAll
    static void startServiceAndIssue() throws Exception {
        folder = TempFolders.create("service-kill-revoke");
        service = Service.start(folder.resolve("ca-home"));
        cli = new Cli(service, folder);
        api = new Api(service);
        cli.importAgencies();
        serials = issue(personalRows());
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
        TempFolders.delete(folder);
    }

    @Test
    @Order(1)
    void revocationsBeforeTheBurstAreInACrlMadeSoonAfter() {
        for (String serial : serials.subList(0, REVOKED_BEFORE_BURST)) {
            assertThat(revoke(serial)).as("revocation of %s", serial).isTrue();
        }

        Crl crl = awaitCrlListing(acknowledged);
        highestCrlNumberBeforeKill = crl.number();
    }

    @Test
    @Order(2)
    void killingTheServiceMidBurstLeavesSomeRevocationsAcknowledgedAndSomeNot() throws Exception {
        Queue<String> queue = new ConcurrentLinkedQueue<>(serials.subList(REVOKED_BEFORE_BURST, CERTIFICATES));
        CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
        AtomicBoolean killed = new AtomicBoolean();
        Thread watcher = new Thread(() -> watchCrlNumbers(killed), "crl-watcher");
        watcher.start();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            workers.add(pool.submit(() -> {
                while (!killed.get()) {
                    String serial = queue.poll();
                    if (serial == null) {
                        return;
                    }
                    if (revoke(serial)) {
                        enough.countDown();
                    }
                }
            }));
        }
        try {
            assertThat(enough.await(60, TimeUnit.SECONDS)).as("%d revocations acknowledged within 60 s", ACKNOWLEDGED_BEFORE_KILL)
                    .isTrue();
        } finally {
            service.kill();
            killed.set(true);
            pool.shutdown();
        }
        for (Future<?> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }
        watcher.join();
        neverSent.addAll(queue);

        assertThat(unexpected).as("answers other than 200").isEmpty();
        assertThat(acknowledged.size()).as("acknowledged revocations").isGreaterThanOrEqualTo(REVOKED_BEFORE_BURST + ACKNOWLEDGED_BEFORE_KILL);
        assertThat(neverSent).as("revocations the burst had not sent when the service died").isNotEmpty();
        assertThat(acknowledged.size() + unanswered.size() + neverSent.size()).as("every serial accounted for").isEqualTo(CERTIFICATES);
    }

    @Test
    @Order(3)
    void afterTheRestartTheServedCrlListsEveryAcknowledgedRevocation() {
        service = service.restart();
        cli = new Cli(service, folder);
        api = new Api(service);

        Crl crl = awaitCrlListing(acknowledged);

        assertThat(crl.number()).as("CRL number after the restart").isGreaterThan(highestCrlNumberBeforeKill);
    }

    @Test
    @Order(4)
    void theNextCrlListsExactlyTheRevokedCertificatesWithAHigherNumber() throws IOException {
        HttpResponse<String> made = api.post("/api/v1/cas/" + CA + "/crl", "");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);

        Crl crl = Crl.fetch(api, CA);

        assertThat(crl.number()).as("number of the next CRL").isGreaterThan(highestCrlNumberBeforeKill);
        revokedAfterRestart = serials.stream().filter(s -> api.statusOf(s).equals("REVOKED")).collect(Collectors.toSet());
        assertThat(revokedAfterRestart).as("revoked on the server").containsAll(acknowledged).doesNotContainAnyElementsOf(neverSent);
        assertThat(serials.stream().filter(crl::lists)).as("serials in CRL %s", crl.number())
                .containsExactlyInAnyOrderElementsOf(revokedAfterRestart);
        assertThat(api.auditEntries("certificate.revoked")).as("certificate.revoked audit entries").isEqualTo(revokedAfterRestart.size());
    }

    @Test
    @Order(5)
    void rerunningTheRevocationsFromAFileRevokesTheRestAndCallsTheDoneOnesAlreadyRevoked() throws IOException {
        Path file = folder.resolve("burst.csv");
        Files.writeString(file, "serial,reason\n" + serials.stream().map(s -> s + ",keyCompromise\n").collect(Collectors.joining()),
                StandardCharsets.UTF_8);

        Cli.Result result = cli.run("--json", "revoke", "--csv", file.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        for (Object entry : (List<?>) Json.parse(result.out())) {
            Map<?, ?> outcome = (Map<?, ?>) entry;
            String serial = (String) outcome.get("serial");
            assertThat(outcome.get("outcome")).as("outcome of %s", serial)
                    .isEqualTo(revokedAfterRestart.contains(serial) ? "already revoked" : "revoked");
        }
        HttpResponse<String> made = api.post("/api/v1/cas/" + CA + "/crl", "");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        Crl crl = Crl.fetch(api, CA);
        assertThat(serials).as("serials missing from CRL %s", crl.number()).allMatch(crl::lists);
    }

    @Test
    @Order(6)
    void theAuditChainVerifiesWithOneRevocationEntryPerCertificate() {
        cli.assertAuditChainIntact();

        assertThat(api.auditEntries("certificate.revoked")).as("certificate.revoked audit entries").isEqualTo(CERTIFICATES);
    }

    /**
     * Revokes one certificate and files the serial by what became of the request: true when acknowledged. A 429 (the
     * token's rate limit) revoked nothing and is retried.
     */
    private static boolean revoke(String serial) {
        while (true) {
            try {
                HttpResponse<String> answer = api.post("/api/v1/certificates/" + serial + "/revocation", KEY_COMPROMISE);
                if (answer.statusCode() == 200) {
                    acknowledged.add(serial);
                    return true;
                }
                if (answer.statusCode() != 429) {
                    unexpected.add(serial + ": " + answer.statusCode() + " " + answer.body());
                    return false;
                }
                Service.sleep(50);
            } catch (ConnectException e) {
                neverSent.add(serial);
                return false;
            } catch (IOException e) {
                unanswered.add(serial);
                return false;
            }
        }
    }

    /** Reads the served CRL until the service dies, keeping the highest number seen. */
    private static void watchCrlNumbers(AtomicBoolean killed) {
        while (!killed.get()) {
            try {
                BigInteger number = Crl.fetch(api, CA).number();
                synchronized (ServiceKilledMidRevocationTests.class) {
                    highestCrlNumberBeforeKill = highestCrlNumberBeforeKill.max(number);
                }
            } catch (RuntimeException | AssertionError e) {
                // the service is dying: the numbers seen so far are what counts
            }
            Service.sleep(50);
        }
    }

    /**
     * The served CRL once it lists all these serials: a CRL follows a revocation within ca.crl.publish-delay, and a
     * restarted service may need a moment before it serves one at all.
     */
    private static Crl awaitCrlListing(Set<String> revoked) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            String seen;
            try {
                Crl crl = Crl.fetch(api, CA);
                Set<String> missing = revoked.stream().filter(Predicate.not(crl::lists)).collect(Collectors.toSet());
                if (missing.isEmpty()) {
                    return crl;
                }
                seen = "CRL " + crl.number() + " misses " + missing;
            } catch (AssertionError | UncheckedIOException e) {
                seen = "no CRL served: " + e.getMessage();
            }
            assertThat(System.nanoTime()).as("after 15 s, %s", seen).isLessThan(deadline);
            Service.sleep(100);
        }
    }

    private static List<Map<String, String>> personalRows() {
        Path csv = ProvinceData.enrollmentRows(FIRST_ROW, ProvinceData.lines(ProvinceData.file("enrollment.csv")).size() - 1,
                folder.resolve("rows.csv"));
        List<Map<String, String>> rows = Csv.rows(csv).stream().filter(r -> r.get("profile").equals("personal")).limit(CERTIFICATES)
                .toList();
        assertThat(rows).as("personal rows from row %d on", FIRST_ROW).hasSize(CERTIFICATES);
        return rows;
    }

    /** Issues one certificate per row through the API, a few at a time, each for a key made here; the serials in row order. */
    private static List<String> issue(List<Map<String, String>> rows) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<String>> issued = new ArrayList<>();
            for (Map<String, String> row : rows) {
                issued.add(pool.submit(() -> api.issue(ProvinceRequests.issuance(row))));
            }
            List<String> result = new ArrayList<>();
            for (Future<String> serial : issued) {
                result.add(serial.get());
            }
            assertThat(new HashSet<>(result)).as("distinct serials").hasSize(rows.size());
            return result;
        } finally {
            pool.shutdownNow();
        }
    }
}
