package org.civicca.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The service dies (kill -9) in the middle of a bulk enrollment. The CLI stops with one clear line; the operator
 * restarts the service on the same home and runs the same command again. Every row ends with exactly one certificate,
 * every certificate the CLI had received before the kill is still in the database, and the audit chain verifies.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceKilledMidEnrollmentTests {

    private static final int FIRST_ROW = 1001;
    private static final int LAST_ROW = 1200;
    private static final int ROWS = LAST_ROW - FIRST_ROW + 1;
    private static final int DONE_BEFORE_KILL = 40;
    private static final int EXIT_SERVER = 3;

    private static Path folder;
    private static Service service;
    private static Cli cli;
    private static Api api;
    private static Path csv;
    private static Path out;
    private static List<String> requestIds;

    /** The serial of every .p12 the CLI had written when it stopped, by request id: what it received before the kill. */
    private static Map<String, BigInteger> receivedBeforeKill;

    @BeforeAll
    static void startService() {
        folder = TempFolders.create("service-kill-enroll");
        service = Service.start(folder.resolve("ca-home"));
        cli = new Cli(service, folder);
        api = new Api(service);
        cli.importAgencies();
        csv = ProvinceData.enrollmentRows(FIRST_ROW, LAST_ROW, folder.resolve("rows.csv"));
        out = folder.resolve("enrolled");
        requestIds = Csv.rows(csv).stream().map(r -> r.get("request_id")).toList();
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
        TempFolders.delete(folder);
    }

    /** Small batches, few in flight: the kill lands with most rows still to send and some batches on the wire. */
    private static String[] enroll() {
        return new String[] {"enroll", "--csv", csv.toString(), "--out", out.toString(), "--concurrency", "2", "--batch-size", "4"};
    }

    @Test
    @Order(1)
    void theCliStopsWithOneClearLineWhenTheServiceIsKilledMidRun() {
        Cli.Running running = cli.start(enroll());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (EnrollmentFolder.manifestLines(out) < DONE_BEFORE_KILL) {
            if (!running.process().isAlive()) {
                service.kill();
                throw new AssertionError("the run ended before the service could be killed\n" + running.await());
            }
            assertThat(System.nanoTime()).as("%d rows done within 60 s", DONE_BEFORE_KILL).isLessThan(deadline);
            Service.sleep(20);
        }
        service.kill();
        Cli.Result result = running.await();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(EXIT_SERVER);
        List<String> complaints = result.err().lines().filter(l -> !l.startsWith("progress:")).toList();
        assertThat(complaints).as(result.toString()).hasSize(1);
        assertThat(complaints.get(0)).as(result.toString()).contains(service.url().toString()).doesNotContain("Exception");
        receivedBeforeKill = p12Serials();
        assertThat(receivedBeforeKill.size()).as("rows done when the CLI stopped\n%s", result).isBetween(DONE_BEFORE_KILL, ROWS - 1);
        assertThat(manifestSerials()).as("manifest.csv when the CLI stopped").isEqualTo(receivedBeforeKill);
    }

    @Test
    @Order(2)
    void rerunningTheSameCommandOnTheRestartedServiceFinishesTheRemainingRows() {
        service = service.restart();
        cli = new Cli(service, folder);
        api = new Api(service);

        Cli.Result result = cli.run(enroll());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Map<String, Integer> counts = EnrollSummary.counts(result);
        assertThat(counts).as(result.toString()).containsEntry("already done", receivedBeforeKill.size()).containsEntry("failed", 0);
        assertThat(counts.get("issued") + counts.get("recovered")).as(result.toString()).isEqualTo(ROWS - receivedBeforeKill.size());
    }

    @Test
    @Order(3)
    void everyCertificateTheCliReceivedBeforeTheKillIsStillOnTheServer() {
        Map<String, String> manifest = Csv.byRequestId(out.resolve("manifest.csv"), "serial");
        for (Map.Entry<String, BigInteger> received : receivedBeforeKill.entrySet()) {
            String serial = manifest.get(received.getKey());
            assertThat(new BigInteger(serial, 16)).as("manifest serial of %s", received.getKey()).isEqualTo(received.getValue());
            assertThat(api.get("/api/v1/certificates/" + serial)).as("certificate %s", serial).contains(received.getKey());
        }
    }

    @Test
    @Order(4)
    void everyRowHasExactlyOneCertificateAndOneP12() {
        for (String requestId : requestIds) {
            assertThat(api.certificatesOfRequest(requestId)).as("certificates of %s on the server", requestId).isEqualTo(1);
        }
        assertThat(api.certificateCount()).as("certificates on the server").isEqualTo(ROWS);
        Map<String, BigInteger> p12s = p12Serials();
        assertThat(p12s.keySet()).as(".p12 files").containsExactlyInAnyOrderElementsOf(requestIds);
        assertThat(manifestSerials()).as("manifest.csv").isEqualTo(p12s);
        assertThat(p12s.values()).as("serials").doesNotHaveDuplicates();
    }

    @Test
    @Order(5)
    void theAuditChainVerifiesAndHoldsOneIssuanceEntryPerCertificate() {
        cli.assertAuditChainIntact();

        assertThat(api.auditEntries("certificate.issued")).as("certificate.issued audit entries").isEqualTo(ROWS);
    }

    /** The .p12 files under the output folder, by request id, with the serial of the certificate each holds. */
    private static Map<String, BigInteger> p12Serials() {
        Path passwordFile = out.resolve("passwords.csv");
        Map<String, String> passwords = Files.exists(passwordFile) ? Csv.byRequestId(passwordFile, "password") : Map.of();
        Map<String, BigInteger> serials = new LinkedHashMap<>();
        for (Path p12 : EnrollmentFolder.p12Files(out)) {
            String requestId = p12.getFileName().toString().replaceFirst("\\.p12$", "");
            serials.put(requestId, Pkcs12Files.leafSerial(p12, passwords.get(requestId)));
        }
        return serials;
    }

    private static Map<String, BigInteger> manifestSerials() {
        Map<String, BigInteger> serials = new LinkedHashMap<>();
        Csv.byRequestId(out.resolve("manifest.csv"), "serial").forEach((id, serial) -> serials.put(id, new BigInteger(serial, 16)));
        return serials;
    }
}
