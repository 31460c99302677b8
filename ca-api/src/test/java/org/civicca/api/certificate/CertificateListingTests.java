package org.civicca.api.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.civicca.api.ApiClient;
import org.civicca.api.Requests;
import org.civicca.api.ServiceTest;
import org.civicca.api.TestCsrs;
import org.civicca.core.key.KeyAlgorithm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Listing, filtering and paging certificates, the certificate's other representations, and its life through
 * hold, release and revocation. Every test works in an agency of its own, so the totals are its own.
 */
class CertificateListingTests extends ServiceTest {

    private static final String CERTIFICATES = "/api/v1/certificates";

    private String agency;

    @BeforeEach
    void createOwnAgency() {
        agency = "test-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response created = api.post("/api/v1/agencies",
                Map.of("code", agency, "name", "Phòng Thử nghiệm " + agency, "taxCode", "2599999999", "locality", "Vĩnh Yên"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void filtersByAgencyProfileNameAndExpiry() {
        String ha = issuePersonal("Nguyễn Thị Hà", null);
        String hung = issuePersonal("Trần Văn Hùng", null);
        String shortLived = issuePersonal("Lê Thị Ngắn", 30);
        String office = issueOrganization("Phòng Hành chính - Thử nghiệm");
        String archive = issueOrganization("Phòng Lưu trữ - Thử nghiệm");

        assertThat(serials("agency=" + agency)).containsExactlyInAnyOrder(ha, hung, shortLived, office, archive);
        assertThat(serials("agency=" + agency + "&profile=organization")).containsExactlyInAnyOrder(office, archive);
        assertThat(serials("agency=" + agency + "&profile=personal")).containsExactlyInAnyOrder(ha, hung, shortLived);
        assertThat(serials("agency=" + agency + "&q=" + encode("văn hùng"))).containsExactly(hung);
        assertThat(serials("agency=" + agency + "&q=" + encode(get(ha).get("email").asString()))).containsExactly(ha);
        assertThat(serials("agency=" + agency + "&q=" + ha)).containsExactly(ha);
        assertThat(serials("agency=" + agency + "&q=" + encode("%"))).isEmpty();
        assertThat(serials("agency=" + agency + "&expiringBefore=" + Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)))
                .containsExactly(shortLived);
        assertThat(serials("agency=" + agency + "&expiringBefore=" + Instant.now().plus(800, ChronoUnit.DAYS).toString().substring(0, 10)))
                .containsExactlyInAnyOrder(ha, hung, shortLived);
        assertThat(serials("agency=" + agency + "&status=ISSUED")).hasSize(5);
        assertThat(serials("agency=" + agency + "&status=revoked")).isEmpty();
    }

    @Test
    void aCertificateIssuedAfterItsAgencyIsRenamedCarriesTheNewName() {
        String before = issuePersonal("Nguyễn Thị Trước", null);
        ApiClient.Response renamed = api.put("/api/v1/agencies/" + agency,
                Map.of("name", "Phòng Đổi tên " + agency, "taxCode", "2599999999", "locality", "Vĩnh Yên"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        String after = issuePersonal("Nguyễn Thị Sau", null);

        assertThat(get(before).get("subjectDn").asString()).contains("O=Phòng Thử nghiệm " + agency);
        assertThat(get(after).get("subjectDn").asString()).contains("O=Phòng Đổi tên " + agency);
    }

    @Test
    void findsTheCertificateOfOneRequestId() {
        String requestId = "VP-TEST-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = Requests.personal(KeyAlgorithm.EC_P256);
        body.put("requestId", requestId);
        String serial = api.post(CERTIFICATES, body).json().get("serial").asString();
        issuePersonal("Nguyễn Văn Khác", null);

        assertThat(serials("requestId=" + requestId)).containsExactly(serial);
        assertThat(serials("requestId=VP-NO-SUCH-REQUEST")).isEmpty();
    }

    @Test
    void pagesCoverEveryCertificateOnceWithTheTotal() {
        Set<String> issued = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            issued.add(issuePersonal("Phạm Văn Trang", null));
        }

        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode listing = list("agency=" + agency + "&size=2&page=" + page);
            assertThat(listing.get("page").asInt()).isEqualTo(page);
            assertThat(listing.get("size").asInt()).isEqualTo(2);
            assertThat(listing.get("total").asLong()).isEqualTo(5);
            assertThat(listing.get("items").size()).isEqualTo(page < 2 ? 2 : 1);
            listing.get("items").forEach(item -> {
                seen.add(item.get("serial").asString());
                assertThat(item.has("chainPem")).isFalse();
            });
        }
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(issued);

        JsonNode beyond = list("agency=" + agency + "&size=2&page=3");
        assertThat(beyond.get("items").size()).isZero();
        assertThat(beyond.get("total").asLong()).isEqualTo(5);
    }

    @Test
    void aCertificateIsAlsoServedAsDerAndAsAPemChain() throws CertificateException {
        String serial = issuePersonal("Đỗ Minh Châu", null);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");

        ApiClient.Response der = api.get(CERTIFICATES + "/" + serial, "application/pkix-cert");
        assertThat(der.status()).as(der.toString()).isEqualTo(200);
        assertThat(der.header("Content-Type")).startsWith("application/pkix-cert");
        X509Certificate certificate = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der.body()));
        assertThat(certificate.getSerialNumber().toString(16)).isEqualTo(serial);

        ApiClient.Response chain = api.get(CERTIFICATES + "/" + serial, "application/pem-certificate-chain");
        assertThat(chain.status()).as(chain.toString()).isEqualTo(200);
        assertThat(chain.header("Content-Type")).startsWith("application/pem-certificate-chain");
        assertThat(chain.text().split("-----BEGIN CERTIFICATE-----", -1)).hasSize(4);
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate each : factory.generateCertificates(new ByteArrayInputStream(chain.body()))) {
            certificates.add((X509Certificate) each);
        }
        assertThat(certificates).hasSize(3);
        assertThat(certificates.get(0)).isEqualTo(certificate);
        assertThat(certificates.get(0).getIssuerX500Principal()).isEqualTo(certificates.get(1).getSubjectX500Principal());
        assertThat(certificates.get(1).getIssuerX500Principal()).isEqualTo(certificates.get(2).getSubjectX500Principal());
        assertThat(certificates.get(2).getIssuerX500Principal()).isEqualTo(certificates.get(2).getSubjectX500Principal());

        ApiClient.Response json = api.get(CERTIFICATES + "/" + serial, "application/json");
        assertThat(json.json().get("chainPem").asString()).isEqualTo(chain.text());
    }

    @Test
    void holdReleaseAndRevocationShowInStatusAndFilters() {
        String held = issuePersonal("Vũ Thị Giữ", null);
        String revoked = issuePersonal("Hoàng Văn Thu", null);
        String untouched = issuePersonal("Bùi Thị Yên", null);

        JsonNode onHold = revoke(held, Map.of("reason", "certificateHold"));
        assertThat(onHold.get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(onHold.get("revocation").get("reason").asString()).isEqualTo("certificateHold");
        assertThat(serials("agency=" + agency + "&status=ON_HOLD")).containsExactly(held);

        ApiClient.Response released = api.post(CERTIFICATES + "/" + held + "/release", Map.of());
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assertThat(released.json().get("status").asString()).isEqualTo("ISSUED");
        assertThat(released.json().has("revocation")).isFalse();
        assertThat(get(held).get("status").asString()).isEqualTo("ISSUED");
        assertThat(serials("agency=" + agency + "&status=ON_HOLD")).isEmpty();

        Instant compromised = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        JsonNode gone = revoke(revoked, Map.of("reason", "keyCompromise", "invalidityDate", compromised.toString()));
        assertThat(gone.get("status").asString()).isEqualTo("REVOKED");
        JsonNode stored = get(revoked);
        assertThat(stored.get("status").asString()).isEqualTo("REVOKED");
        assertThat(stored.get("revocation").get("reason").asString()).isEqualTo("keyCompromise");
        assertThat(Instant.parse(stored.get("revocation").get("invalidityDate").asString())).isEqualTo(compromised);
        assertThat(Instant.parse(stored.get("revocation").get("revokedAt").asString())).isBetween(
                Instant.now().minus(1, ChronoUnit.MINUTES), Instant.now().plus(1, ChronoUnit.MINUTES));
        assertThat(serials("agency=" + agency + "&status=REVOKED")).containsExactly(revoked);
        assertThat(serials("agency=" + agency + "&status=ISSUED")).containsExactlyInAnyOrder(held, untouched);
    }

    @Test
    void aHoldCanBeMadeFinal() {
        String serial = issuePersonal("Ngô Thị Lan", null);
        revoke(serial, Map.of("reason", "certificateHold"));

        JsonNode revoked = revoke(serial, Map.of("reason", "cessationOfOperation"));

        assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.get("revocation").get("reason").asString()).isEqualTo("cessationOfOperation");
        assertThat(api.post(CERTIFICATES + "/" + serial + "/release", Map.of()).status()).isEqualTo(409);
    }

    private String issuePersonal(String name, Integer validityDays) {
        Map<String, Object> request = Requests.personal(name, TestCsrs.csrPem(KeyAlgorithm.EC_P256));
        request.put("agency", agency);
        if (validityDays != null) {
            request.put("validityDays", validityDays);
        }
        return issue(request);
    }

    private String issueOrganization(String name) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("commonName", name);
        subject.put("email", agency + "." + UUID.randomUUID().toString().substring(0, 6) + "@vinhphuc.gov.vn");
        subject.put("unit", "Phòng Hành chính");
        subject.put("taxCode", "2599999999-001");
        return issue(Requests.body("organization", agency, subject, TestCsrs.csrPem(KeyAlgorithm.EC_P256)));
    }

    private String issue(Map<String, Object> request) {
        ApiClient.Response issued = api.post(CERTIFICATES, request);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json().get("serial").asString();
    }

    private JsonNode revoke(String serial, Map<String, Object> body) {
        ApiClient.Response response = api.post(CERTIFICATES + "/" + serial + "/revocation", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode get(String serial) {
        ApiClient.Response response = api.get(CERTIFICATES + "/" + serial);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode list(String query) {
        ApiClient.Response response = api.get(CERTIFICATES + "?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** The serials of a listing, after checking that its total agrees with its single page. */
    private List<String> serials(String query) {
        JsonNode listing = list(query + "&size=1000");
        List<String> serials = StreamSupport.stream(listing.get("items").spliterator(), false)
                .map(item -> item.get("serial").asString()).toList();
        assertThat(listing.get("total").asLong()).as(query).isEqualTo(serials.size());
        return serials;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
