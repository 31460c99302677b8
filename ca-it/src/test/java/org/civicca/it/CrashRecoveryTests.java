package org.civicca.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The enrolling machine dies (kill -9) in the middle of a run; the administrator runs the same command again. Every
 * row ends with exactly one certificate on the server and one .p12 that opens, including the rows that were in flight
 * when the process died, and the folder holds no leftovers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryTests {

    private static final int FIRST_ROW = 201;
    private static final int LAST_ROW = 260;
    private static final int ROWS = LAST_ROW - FIRST_ROW + 1;
    private static final int DONE_BEFORE_KILL = 10;
    private static final Pattern SERIAL = Pattern.compile("\"serial\"\\s*:\\s*\"([0-9a-fA-F]+)\"");

    private static Path folder;
    private static Service service;
    private static Cli cli;
    private static Api api;
    private static Path csv;
    private static Path out;
    private static List<String> requestIds;

    /** What the folder held right after the kill. */
    private static Set<String> inFlightAtKill;
    private static int doneAtKill;

    @BeforeAll
    static void startService() {
        folder = TempFolders.create("crash");
        service = Service.start(folder.resolve("ca-home"));
        cli = new Cli(service, folder);
        api = new Api(service);
        cli.importAgencies();
        csv = ProvinceData.enrollmentRows(FIRST_ROW, LAST_ROW, folder.resolve("rows-201-260.csv"));
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

    private static String[] enroll() {
        return new String[] {"enroll", "--csv", csv.toString(), "--out", out.toString(), "--concurrency", "2"};
    }

    @Test
    @Order(1)
    void anEnrollmentKilledMidRunLeavesItsRowsInFlightInTheJournal() {
        Cli.Running running = cli.start(enroll());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try {
            while (EnrollmentFolder.manifestLines(out) < DONE_BEFORE_KILL || pendingEntries().isEmpty()) {
                if (!running.process().isAlive()) {
                    throw new AssertionError("the run ended before it could be killed\n" + running.await());
                }
                assertThat(System.nanoTime()).as("%d rows done within 60 s", DONE_BEFORE_KILL).isLessThan(deadline);
                Service.sleep(20);
            }
        } finally {
            running.kill();
        }
        inFlightAtKill = pendingEntries();
        doneAtKill = EnrollmentFolder.manifestLines(out);

        assertThat(running.process().isAlive()).isFalse();
        assertThat(doneAtKill).as("rows done when killed").isBetween(DONE_BEFORE_KILL, ROWS - 1);
        assertThat(inFlightAtKill).as("journal entries right after the kill").isNotEmpty().allMatch(requestIds::contains);
    }

    @Test
    @Order(2)
    void rerunningTheSameCommandFinishesTheRemainingRows() {
        Cli.Result result = cli.run(enroll());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Map<String, Integer> counts = EnrollSummary.counts(result);
        assertThat(counts).as(result.toString()).containsEntry("already done", doneAtKill).containsEntry("failed", 0);
        assertThat(counts.get("issued") + counts.get("recovered")).as(result.toString())
                .isEqualTo(ROWS - doneAtKill);
        assertThat(counts.get("recovered")).as("recovered rows are among the rows in flight %s\n%s",
                inFlightAtKill, result).isLessThanOrEqualTo(inFlightAtKill.size());
    }

    @Test
    @Order(3)
    void everyRowHasExactlyOneCertificateOneManifestLineAndOneP12() {
        List<Map<String, String>> manifest = Csv.rows(out.resolve("manifest.csv"));
        Map<String, String> passwords = Csv.byRequestId(out.resolve("passwords.csv"), "password");

        assertThat(manifest.stream().map(r -> r.get("request_id")).toList()).as("manifest.csv request ids")
                .containsExactlyInAnyOrderElementsOf(requestIds);
        assertThat(passwords.keySet()).as("passwords.csv request ids").containsExactlyInAnyOrderElementsOf(requestIds);
        for (Map<String, String> row : manifest) {
            String requestId = row.get("request_id");
            String listing = api.get("/api/v1/certificates?size=10&requestId=" + requestId);
            assertThat(Api.total(listing)).as("certificates of %s on the server: %s", requestId, listing).isEqualTo(1);
            Matcher serial = SERIAL.matcher(listing);
            assertThat(serial.find()).as(listing).isTrue();
            assertThat(new BigInteger(row.get("serial"), 16)).as("manifest serial of %s", requestId)
                    .isEqualTo(new BigInteger(serial.group(1), 16));
            assertThat(out.resolve(row.get("file"))).as("p12 of %s", requestId).isRegularFile();
        }
        assertThat(api.certificateCount()).as("certificates on the server").isEqualTo(ROWS);
    }

    @Test
    @Order(4)
    void theP12sOfTheRowsInFlightAndOfASampleOpenWithTheirPasswordsAndHoldTheirCertificatesKey() throws IOException {
        Map<String, String> passwords = Csv.byRequestId(out.resolve("passwords.csv"), "password");
        Map<String, String> files = Csv.byRequestId(out.resolve("manifest.csv"), "file");
        Map<String, String> serials = Csv.byRequestId(out.resolve("manifest.csv"), "serial");
        Set<String> sample = new LinkedHashSet<>(inFlightAtKill);
        for (int i = 0; sample.size() < Math.max(10, inFlightAtKill.size()); i += 6) {
            sample.add(requestIds.get(i % ROWS));
        }
        Path work = Files.createDirectories(folder.resolve("p12-checks"));

        for (String requestId : sample) {
            Path p12 = out.resolve(files.get(requestId));
            String password = passwords.get(requestId);
            Tool.Output certificates = Pkcs12Files.certificates(work, p12, password);
            assertThat(certificates.exitCode()).as(certificates.toString()).isZero();
            Path key = work.resolve(requestId + ".key.pem");
            Tool.Output keyOutput = Pkcs12Files.key(work, p12, password, key);
            assertThat(keyOutput.exitCode()).as(keyOutput.toString()).isZero();
            Path leaf = work.resolve(requestId + ".leaf.pem");
            Tool.Output leafOutput = Pkcs12Files.leaf(work, p12, password, leaf);
            assertThat(leafOutput.exitCode()).as(leafOutput.toString()).isZero();
            Pkcs12Files.assertKeyMatchesCertificate(work, key, leaf);
            assertThat(Pkcs12Files.serial(work, leaf)).as("serial in the p12 of %s", requestId)
                    .isEqualTo(new BigInteger(serials.get(requestId), 16));
        }
    }

    @Test
    @Order(5)
    void noJournalEntryAndNoTemporaryFileIsLeftBehind() throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.map(out::relativize).map(Path::toString).filter(name -> name.endsWith(".tmp")).toList())
                    .as("temporary files under %s", out).isEmpty();
        }
        assertThat(pendingEntries()).as("journal entries after the rerun").isEmpty();
    }

    /**
     * The request ids the journal holds: its log's complete lines in order, an entry ({@code <id> <Base64>}) or a
     * drop ({@code <id> -}).
     */
    private static Set<String> pendingEntries() {
        Path log = out.resolve(".journal/journal.log");
        if (!Files.exists(log)) {
            return Set.of();
        }
        try {
            String text = Files.readString(log, StandardCharsets.US_ASCII);
            Set<String> pending = new TreeSet<>();
            for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
                String[] fields = line.split(" ");
                if (fields.length == 2 && fields[1].equals("-")) {
                    pending.remove(fields[0]);
                } else if (fields.length == 2) {
                    pending.add(fields[0]);
                }
            }
            return pending;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


}
