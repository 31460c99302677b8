package org.civicca.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.civicca.core.key.KeyAlgorithm;
import org.junit.jupiter.api.Test;

/**
 * {@code /actuator/prometheus} as a Prometheus scraper reads it with its bearer token: issuance, revocation and every
 * problem answer counted with their tags, the API's latency as a histogram, and each CA's CRL age, size, number and
 * time left.
 */
class MetricsTests extends ServiceTest {

    @Test
    void theScrapeIsPlainTextForATokenHolder() {
        ApiClient.Response response = api.get("/actuator/prometheus");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/plain");
    }

    @Test
    void theMetricsAreNotPublic() {
        Problems.assertProblem(api.anonymous("GET", "/actuator/prometheus", Map.of()), 401, "unauthorized");
    }

    @Test
    void anIssuedCertificateIsCountedByCaAndProfile() {
        double before = sample("civicca_certificates_issued_total", "ca=\"vinhphuc-issuing\"", "profile=\"personal\"");

        ApiClient.Response issued = api.post("/api/v1/certificates", Requests.personal(KeyAlgorithm.EC_P256));

        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(sample("civicca_certificates_issued_total", "ca=\"vinhphuc-issuing\"", "profile=\"personal\"")).isEqualTo(before + 1);
    }

    @Test
    void aRevocationIsCountedByCaAndReason() {
        String serial = api.post("/api/v1/certificates", Requests.personal(KeyAlgorithm.EC_P256)).json().get("serial").asString();
        double before = revoked("keyCompromise");

        ApiClient.Response revocation = api.post("/api/v1/certificates/" + serial + "/revocation", Map.of("reason", "keyCompromise"));

        assertThat(revocation.status()).as(revocation.toString()).isEqualTo(200);
        assertThat(revoked("keyCompromise")).isEqualTo(before + 1);
    }

    @Test
    void everyProblemAnswerIsCountedOnceByTypeAndStatus() {
        String unknownProfile = problems("urn:civicca:problem:unknown-profile", 422);
        String unauthorized = problems("urn:civicca:problem:unauthorized", 401);
        String notFound = problems("urn:civicca:problem:not-found", 404);
        double[] before = {sample(unknownProfile), sample(unauthorized), sample(notFound)};

        Problems.assertProblem(api.post("/api/v1/certificates", Requests.body("no-such-profile", "so-tc", Map.of("commonName", "Lê Văn Bình"),
                TestCsrs.csrPem(KeyAlgorithm.EC_P256))), 422, "unknown-profile");
        Problems.assertProblem(api.anonymous("GET", "/api/v1/cas", Map.of()), 401, "unauthorized");
        Problems.assertProblem(api.get("/api/v1/no-such-thing"), 404, "not-found");

        assertThat(new double[] {sample(unknownProfile), sample(unauthorized), sample(notFound)})
                .containsExactly(before[0] + 1, before[1] + 1, before[2] + 1);
    }

    @Test
    void apiLatencyIsAHistogram() {
        api.get("/api/v1/cas");

        assertThat(scrape()).containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/v1/cas\"[^}]*le=\"0\\.0[0-9]+\"");
    }

    @Test
    void eachCrlHasItsAgeSizeNumberAndTimeLeft() {
        for (String ca : new String[] {"vinhphuc-root", "vinhphuc-issuing"}) {
            String tag = "ca=\"" + ca + "\"";
            assertThat(sample("civicca_crl_age_seconds", tag)).as(ca).isGreaterThanOrEqualTo(0);
            assertThat(sample("civicca_crl_next_update_seconds", tag)).as(ca).isPositive();
            assertThat(sample("civicca_crl_size_bytes", tag)).as(ca).isGreaterThan(100);
            assertThat(sample("civicca_crl_number", tag)).as(ca).isGreaterThanOrEqualTo(1);
        }
    }

    private double revoked(String reason) {
        return sample("civicca_certificates_revoked_total", "ca=\"vinhphuc-issuing\"", "reason=\"" + reason + "\"");
    }

    private static String problems(String type, int status) {
        return "civicca_problems_total{status=\"" + status + "\",type=\"" + type + "\"}";
    }

    private double sample(String series) {
        return sample(series.substring(0, series.indexOf('{')), series.substring(series.indexOf('{') + 1, series.length() - 1).split(","));
    }

    /** The value of the one sample of {@code name} with these labels, 0 when the series does not exist yet. */
    private double sample(String name, String... labels) {
        return scrape().lines().filter(line -> line.startsWith(name + "{") && Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }

    private String scrape() {
        return api.get("/actuator/prometheus").text();
    }
}
