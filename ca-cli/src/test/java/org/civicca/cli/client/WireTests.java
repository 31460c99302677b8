package org.civicca.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireTests {

    private static final Wire.Certificate CERTIFICATE = new Wire.Certificate("5ab1", "VALID", "vinhphuc-issuing", "personal",
            "so-tc", "VP-2021-01675", "CN=Phạm Quang Duy", "Phạm Quang Duy", null, null, null, "pem", "chain", null);

    @Test
    void aBatchItemWithItsCertificateReadsAsASingleIssuanceCreatedOnlyWhen201() {
        assertThat(new Wire.BatchResult(0, "VP-2021-01675", 201, CERTIFICATE, null, null).issued())
                .contains(new Wire.Issued(CERTIFICATE, true, null));
        assertThat(new Wire.BatchResult(0, "VP-2021-01675", 200, CERTIFICATE, null, null).issued())
                .contains(new Wire.Issued(CERTIFICATE, false, null));
    }

    @Test
    void aBatchItemHeldForApprovalReadsAsTheRequestAwaitingIt() {
        Wire.PendingRequest held = new Wire.PendingRequest("7f3c", "PENDING");

        assertThat(new Wire.BatchResult(1, "VP-2021-00610", 202, null, held, null).issued())
                .contains(new Wire.Issued(null, false, held));
    }

    @Test
    void aBatchItemThatFailedIsNoIssuance() {
        Wire.Problem problem = new Wire.Problem("about:blank", "Bad Request", 400, "the CSR is not valid", "csr");

        assertThat(new Wire.BatchResult(2, "VP-2021-00611", 400, null, null, problem).issued()).isEmpty();
    }
}
