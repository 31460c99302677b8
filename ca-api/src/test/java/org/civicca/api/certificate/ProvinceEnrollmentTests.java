package org.civicca.api.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.util.io.pem.PemReader;
import org.civicca.api.ApiClient;
import org.civicca.api.Problems;
import org.civicca.api.ProvinceData;
import org.civicca.api.Requests;
import org.civicca.api.ServiceTest;
import org.civicca.api.TestCsrs;
import org.civicca.core.check.Rfc5280;
import org.civicca.core.key.KeyAlgorithm;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The province's own enrollment file goes through the API: good rows are issued with the names exactly as
 * written, replays of a row give back the same certificate, and every bad row is refused naming its field.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvinceEnrollmentTests extends ServiceTest {

    private static final int ROWS = 60;

    /** The CSR sent for each request_id, so a replay sends exactly the same request. */
    private static final Map<String, String> CSRS = new ConcurrentHashMap<>();
    /** The serial issued for each request_id by this class. */
    private static final Map<String, String> SERIALS = new ConcurrentHashMap<>();

    /** What each bad row of enrollment-with-errors.csv is refused with: status, problem type and the field named. */
    private static final Map<String, Refusal> REFUSALS = Map.ofEntries(
            Map.entry("BAD-001", new Refusal(422, "invalid-field", "subject.commonName")),
            Map.entry("BAD-002", new Refusal(422, "invalid-field", "subject.email")),
            Map.entry("BAD-003", new Refusal(422, "unknown-agency", "agency")),
            Map.entry("BAD-004", new Refusal(422, "unknown-profile", "profile")),
            Map.entry("BAD-005", new Refusal(422, "invalid-field", "subject.commonName")),
            Map.entry("BAD-006", new Refusal(422, "invalid-field", "subject.commonName")),
            Map.entry("BAD-007", new Refusal(422, "invalid-field", "subject.commonName")),
            Map.entry("BAD-008", new Refusal(422, "invalid-field", "subject.nationalId")),
            Map.entry("BAD-009", new Refusal(422, "invalid-field", "subject.nationalId")),
            Map.entry("BAD-010", new Refusal(422, "invalid-field", "subject.taxCode")),
            Map.entry("BAD-011", new Refusal(422, "invalid-field", "subject.commonName")),
            Map.entry("BAD-012", new Refusal(422, "invalid-field", "subject.commonName")));

    record Refusal(int status, String slug, String field) {
    }

    @Test
    @Order(1)
    void theFirstSixtyRowsAreIssuedWithTheirNamesAsWritten() {
        Map<String, String> agencyNames = agencyNames();
        X509CertificateHolder issuing = caCertificate("vinhphuc-issuing");
        List<Map<String, String>> rows = ProvinceData.enrollment().subList(0, ROWS);
        assertThat(rows).extracting(row -> row.get("profile")).contains("personal", "organization");

        for (Map<String, String> row : rows) {
            ApiClient.Response issued = send(row);
            assertThat(issued.status()).as(row.get("request_id") + ": " + issued).isEqualTo(201);
            JsonNode certificate = issued.json();
            String name = Normalizer.normalize(row.get("common_name"), Normalizer.Form.NFC);
            String agencyName = agencyNames.get(row.get("agency"));
            assertThat(certificate.get("requestId").asString()).isEqualTo(row.get("request_id"));
            assertThat(certificate.get("profile").asString()).isEqualTo(row.get("profile"));
            assertThat(certificate.get("agency").asString()).isEqualTo(row.get("agency"));
            assertThat(certificate.get("commonName").asString()).isEqualTo(name);
            assertThat(certificate.get("subjectDn").asString())
                    .contains("CN=" + rfc4514(name))
                    .contains("O=" + rfc4514(agencyName));
            X509CertificateHolder holder = certificate(certificate.get("certificatePem").asString());
            assertThat(Rfc5280.problems(holder, issuing)).as(row.get("request_id")).isEmpty();
            X500Name subject = holder.getSubject();
            assertThat(value(subject, BCStyle.CN)).isEqualTo(name);
            assertThat(value(subject, BCStyle.O)).isEqualTo(agencyName);
            SERIALS.put(row.get("request_id"), certificate.get("serial").asString());
        }
    }

    @Test
    @Order(2)
    void replayingEachRowReturnsTheSameCertificate() {
        for (Map<String, String> row : ProvinceData.enrollment().subList(0, ROWS)) {
            String serial = issueOnce(row);
            ApiClient.Response replay = send(row);
            assertThat(replay.status()).as(row.get("request_id") + ": " + replay).isEqualTo(200);
            assertThat(replay.json().get("serial").asString()).isEqualTo(serial);
        }
    }

    @Test
    @Order(3)
    void everyBadRowOfTheErrorFileIsRefusedNamingItsField() {
        List<Map<String, String>> rows = ProvinceData.enrollmentWithErrors();
        List<Map<String, String>> good = rows.subList(0, 6);
        for (Map<String, String> row : good) {
            ApiClient.Response response = send(row);
            assertThat(response.status()).as(row.get("request_id") + ": " + response).isIn(200, 201);
        }
        List<Map<String, String>> bad = rows.stream().filter(row -> row.get("request_id").startsWith("BAD-")).toList();
        assertThat(bad).extracting(row -> row.get("request_id")).containsExactlyInAnyOrderElementsOf(REFUSALS.keySet());

        long certificates = certificateCount();
        for (Map<String, String> row : bad) {
            Refusal expected = REFUSALS.get(row.get("request_id"));
            ApiClient.Response refused = api.post("/api/v1/certificates", Requests.fromRow(row, TestCsrs.csrPem(KeyAlgorithm.EC_P256)));
            JsonNode problem = Problems.assertProblem(refused, expected.status(), expected.slug());
            assertThat(problem.path("field").asString()).as(row.get("request_id") + ": " + refused).isEqualTo(expected.field());
            assertThat(problem.path("detail").asString()).as(row.get("request_id") + ": " + refused).contains(expected.field());
        }
        assertThat(certificateCount()).as("certificates stored for refused rows").isEqualTo(certificates);
    }

    @Test
    @Order(4)
    void theLastRowRepeatsARequestIdWithOtherContentAndIsAConflict() {
        List<Map<String, String>> rows = ProvinceData.enrollmentWithErrors();
        Map<String, String> repeated = rows.get(rows.size() - 1);
        Map<String, String> original = ProvinceData.enrollment().stream()
                .filter(row -> row.get("request_id").equals(repeated.get("request_id"))).findFirst().orElseThrow();
        assertThat(repeated.get("common_name")).isNotEqualTo(original.get("common_name"));
        String serial = issueOnce(original);
        JsonNode before = api.get("/api/v1/certificates/" + serial).json();

        ApiClient.Response conflict = api.post("/api/v1/certificates", Requests.fromRow(repeated, TestCsrs.csrPem(KeyAlgorithm.EC_P256)));

        JsonNode problem = Problems.assertProblem(conflict, 409, "request-id-conflict");
        assertThat(problem.path("field").asString()).isEqualTo("requestId");
        assertThat(problem.path("detail").asString()).contains("requestId");
        assertThat(api.get("/api/v1/certificates/" + serial).json()).isEqualTo(before);
    }

    /** Issues the row unless this class already did, and returns its serial. */
    private String issueOnce(Map<String, String> row) {
        String known = SERIALS.get(row.get("request_id"));
        if (known != null) {
            return known;
        }
        ApiClient.Response issued = send(row);
        assertThat(issued.status()).as(row.get("request_id") + ": " + issued).isEqualTo(201);
        String serial = issued.json().get("serial").asString();
        SERIALS.put(row.get("request_id"), serial);
        return serial;
    }

    /** The row as a request, always with the same CSR for its request_id (a fresh EC P-256 key the first time). */
    private ApiClient.Response send(Map<String, String> row) {
        String csr = CSRS.computeIfAbsent(row.get("request_id"), id -> TestCsrs.csrPem(KeyAlgorithm.EC_P256));
        return api.post("/api/v1/certificates", Requests.fromRow(row, csr));
    }

    private long certificateCount() {
        return api.get("/api/v1/certificates?size=1").json().get("total").asLong();
    }

    private static Map<String, String> agencyNames() {
        Map<String, String> names = new ConcurrentHashMap<>();
        ProvinceData.agencies().forEach(row -> names.put(row.get("code"), Normalizer.normalize(row.get("name"), Normalizer.Form.NFC)));
        return names;
    }

    private static String rfc4514(String value) {
        return IETFUtils.valueToString(new DERUTF8String(value));
    }

    private static String value(X500Name name, ASN1ObjectIdentifier attribute) {
        RDN[] rdns = name.getRDNs(attribute);
        assertThat(rdns).hasSize(1);
        return ((ASN1String) rdns[0].getFirst().getValue()).getString();
    }

    private X509CertificateHolder caCertificate(String ca) {
        try {
            return new X509CertificateHolder(api.anonymous("GET", "/ca/" + ca + ".crt", Map.of()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X509CertificateHolder certificate(String pem) {
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            return new X509CertificateHolder(reader.readPemObject().getContent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
