package org.civicca.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An enrollment faster than the token may go: the service allows 40 requests a second (80 at once), the CLI sends
 * 8 batches of 25 rows at once. The CLI waits out the 429s (their Retry-After) and every row is issued.
 */
class ThrottledEnrollmentTests {

    private static final int ROWS = 240;

    private static Path folder;
    private static Service service;
    private static Cli cli;
    private static Api api;

    @BeforeAll
    static void startService() {
        folder = TempFolders.create("throttled");
        service = Service.startWith(folder.resolve("ca-home"), "--ca.api.requests-per-second=40");
        cli = new Cli(service, folder);
        api = new Api(service);
        cli.importAgencies();
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
        TempFolders.delete(folder);
    }

    @Test
    void everyRowIsIssuedWhileTheTokensRateHoldsTheRunBack() {
        Path csv = ProvinceData.enrollmentRows(1301, 1300 + ROWS, folder.resolve("rows.csv"));
        Path out = folder.resolve("enrolled");

        Cli.Result result = cli.run("enroll", "--csv", csv.toString(), "--out", out.toString(), "--concurrency", "8");

        Service.sleep(2000); // the token's bucket refills for the checks below, which use the same token
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(EnrollSummary.counts(result)).as(result.toString()).containsEntry("issued", ROWS).containsEntry("failed", 0);
        assertThat(EnrollmentFolder.p12Files(out)).as(".p12 files").hasSize(ROWS);
        assertThat(api.certificateCount()).as("certificates on the server").isEqualTo(ROWS);
        assertThat(api.prometheus()).as("the service refused some batches for the token's rate")
                .containsPattern("civicca_problems_total\\{[^}]*too-many-requests[^}]*} [1-9]");
    }
}
