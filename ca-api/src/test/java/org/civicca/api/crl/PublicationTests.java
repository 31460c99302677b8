package org.civicca.api.crl;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.civicca.api.ApiClient;
import org.civicca.api.Requests;
import org.civicca.api.ServiceTest;
import org.civicca.core.check.Rfc5280;
import org.civicca.core.key.KeyAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What relying parties fetch without credentials: each CA's certificate and newest CRL, cacheable and
 * conditional, and a revocation that reaches the CRL by itself within moments.
 */
class PublicationTests extends ServiceTest {

    @Autowired
    MeterRegistry meters;

    private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d+)");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vinhphuc-root", "vinhphuc-issuing"})
    void theCrlIsServedWithoutCredentialsAndCacheableUntilItsNextUpdate(String ca) throws GeneralSecurityException {
        ApiClient.Response response = api.anonymous("GET", "/crl/" + ca + ".crl", Map.of());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/pkix-crl");
        assertThat(response.header("ETag")).matches("\"" + ca + "-\\d+\"");
        assertThat(response.header("Last-Modified")).isNotBlank();
        X509CRL crl = crl(response.body());
        long secondsToNextUpdate = Duration.between(Instant.now(), crl.getNextUpdate().toInstant()).toSeconds();
        Matcher maxAge = MAX_AGE.matcher(response.header("Cache-Control"));
        assertThat(maxAge.find()).as(response.header("Cache-Control")).isTrue();
        assertThat(Long.parseLong(maxAge.group(1))).isPositive().isLessThanOrEqualTo(secondsToNextUpdate + 1);
        assertThat(response.header("ETag")).isEqualTo("\"" + ca + "-" + crlNumber(crl) + "\"");
        crl.verify(caCertificate(ca).getPublicKey());
        assertThat(crl.getIssuerX500Principal()).isEqualTo(caCertificate(ca).getSubjectX500Principal());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/crl/vinhphuc-issuing.crl", "/ca/vinhphuc-issuing.crt", "/ca/vinhphuc-root.crt"})
    void conditionalRequestsAreAnsweredWithNotModified(String path) {
        whileUnchanged(path, full -> {
            ApiClient.Response byTag = api.anonymous("GET", path, Map.of("If-None-Match", full.header("ETag")));
            ApiClient.Response byDate = api.anonymous("GET", path, Map.of("If-Modified-Since", full.header("Last-Modified")));
            ApiClient.Response otherTag = api.anonymous("GET", path, Map.of("If-None-Match", "\"something-else\""));

            assertThat(byTag.status()).isEqualTo(304);
            assertThat(byTag.body()).isEmpty();
            assertThat(byTag.header("ETag")).isEqualTo(full.header("ETag"));
            assertThat(byDate.status()).isEqualTo(304);
            assertThat(byDate.body()).isEmpty();
            assertThat(otherTag.status()).isEqualTo(200);
            assertThat(otherTag.body()).isEqualTo(full.body());
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/crl/vinhphuc-issuing.crl", "/ca/vinhphuc-root.crt"})
    void anEntityTagListWeakTagsAndTheirPrecedenceOverTheDateAreHonoured(String path) {
        whileUnchanged(path, full -> {
            String tag = full.header("ETag");
            ApiClient.Response inList = api.anonymous("GET", path, Map.of("If-None-Match", "\"older\", " + tag));
            ApiClient.Response weak = api.anonymous("GET", path, Map.of("If-None-Match", "W/" + tag));
            ApiClient.Response any = api.anonymous("GET", path, Map.of("If-None-Match", "*"));
            ApiClient.Response tagWins = api.anonymous("GET", path,
                    Map.of("If-None-Match", "\"older\"", "If-Modified-Since", full.header("Last-Modified")));
            ApiClient.Response badDate = api.anonymous("GET", path, Map.of("If-Modified-Since", "yesterday"));
            ApiClient.Response before = api.anonymous("GET", path, Map.of("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT"));

            assertThat(List.of(inList.status(), weak.status(), any.status())).containsOnly(304);
            assertThat(inList.header("Cache-Control")).isEqualTo(full.header("Cache-Control"));
            assertThat(tagWins.status()).as("If-None-Match decides when both are sent").isEqualTo(200);
            assertThat(badDate.status()).isEqualTo(200);
            assertThat(before.status()).isEqualTo(200);
            assertThat(before.body()).isEqualTo(full.body());
        });
    }

    @Test
    void publicFilesServedAreCountedByKindAndOutcome() {
        double sentBefore = served("crl", "sent");
        double notModifiedBefore = served("crl", "not-modified");
        double certificatesBefore = served("ca-certificate", "sent");

        ApiClient.Response full = api.anonymous("GET", "/crl/vinhphuc-issuing.crl", Map.of());
        api.anonymous("GET", "/crl/vinhphuc-issuing.crl", Map.of("If-None-Match", full.header("ETag")));
        api.anonymous("GET", "/ca/vinhphuc-root.crt", Map.of());

        assertThat(served("crl", "sent")).isEqualTo(sentBefore + 1);
        assertThat(served("crl", "not-modified")).isEqualTo(notModifiedBefore + 1);
        assertThat(served("ca-certificate", "sent")).isEqualTo(certificatesBefore + 1);
    }

    private double served(String kind, String outcome) {
        return meters.get("civicca.public.files").tag("kind", kind).tag("outcome", outcome).counter().count();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/crl/vinhphuc-issuing.crl", "/ca/vinhphuc-root.crt"})
    void headAnswersWithTheHeadersAndNoBody(String path) {
        whileUnchanged(path, get -> {
            ApiClient.Response head = api.anonymous("HEAD", path, Map.of());

            assertThat(head.status()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.header("Content-Type")).isEqualTo(get.header("Content-Type"));
            assertThat(head.header("ETag")).isEqualTo(get.header("ETag"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vinhphuc-root", "vinhphuc-issuing"})
    void theCaCertificateIsServedWithoutCredentials(String ca) throws GeneralSecurityException {
        ApiClient.Response response = api.anonymous("GET", "/ca/" + ca + ".crt", Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/pkix-cert");
        assertThat(response.header("ETag")).isNotBlank();
        assertThat(response.header("Last-Modified")).isNotBlank();
        assertThat(response.header("Cache-Control")).contains("max-age=");
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(response.body()));
        assertThat(certificate.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        X509Certificate listed = null;
        for (JsonNode each : api.get("/api/v1/cas").json()) {
            if (each.get("name").asString().equals(ca)) {
                listed = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(each.get("certificatePem").asString().getBytes(StandardCharsets.US_ASCII)));
            }
        }
        assertThat(certificate).isEqualTo(listed);
    }

    @Test
    void aRevocationReachesThePublishedCrlByItself() throws Exception {
        ApiClient.Response issued = api.post("/api/v1/certificates", Requests.personal(KeyAlgorithm.EC_P256));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        BigInteger serial = new BigInteger(issued.json().get("serial").asString(), 16);
        long before = crlNumber(crl(api.anonymous("GET", "/crl/vinhphuc-issuing.crl", Map.of()).body()));

        ApiClient.Response revoked = api.post("/api/v1/certificates/" + serial.toString(16) + "/revocation",
                Map.of("reason", "affiliationChanged"));
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);

        X509CRLEntry entry = null;
        X509CRL crl = null;
        Instant deadline = Instant.now().plusSeconds(10);
        while (entry == null && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            crl = crl(api.anonymous("GET", "/crl/vinhphuc-issuing.crl", Map.of()).body());
            entry = crl.getRevokedCertificate(serial);
        }
        assertThat(entry).as("serial %s in the CRL within 10 s", serial.toString(16)).isNotNull();
        assertThat(entry.getRevocationReason()).hasToString("AFFILIATION_CHANGED");
        assertThat(crlNumber(crl)).isGreaterThan(before);
        crl.verify(caCertificate("vinhphuc-issuing").getPublicKey());
        assertThat(Rfc5280.problems(new X509CRLHolder(crl.getEncoded()), new X509CertificateHolder(caCertificate("vinhphuc-issuing").getEncoded()),
                OptionalLong.of(before))).isEmpty();
    }

    @Test
    void aRevocationAlreadyListedByALaterCrlMakesNoCrlOfItsOwn() throws Exception {
        ApiClient.Response issued = api.post("/api/v1/certificates", Requests.personal(KeyAlgorithm.EC_P256));
        String serial = issued.json().get("serial").asString();
        assertThat(api.post("/api/v1/certificates/" + serial + "/revocation", Map.of("reason", "superseded")).status()).isEqualTo(200);

        ApiClient.Response made = api.post("/api/v1/cas/vinhphuc-issuing/crl", Map.of());
        assertThat(made.status()).as(made.toString()).isEqualTo(200);
        Thread.sleep(2_500);

        X509CRL newest = crl(api.anonymous("GET", "/crl/vinhphuc-issuing.crl", Map.of()).body());
        assertThat(newest.getRevokedCertificate(new BigInteger(serial, 16))).isNotNull();
        assertThat(crlNumber(newest)).as("no CRL after the one that already lists the revocation")
                .isEqualTo(made.json().get("crlNumber").asLong());
    }

    @Test
    void crlNumbersStrictlyIncreaseWithEachNewCrl() throws GeneralSecurityException {
        List<Long> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ApiClient.Response made = api.post("/api/v1/cas/vinhphuc-issuing/crl", Map.of());
            assertThat(made.status()).as(made.toString()).isEqualTo(200);
            numbers.add(made.json().get("crlNumber").asLong());
        }

        assertThat(numbers).isSorted().doesNotHaveDuplicates();
        X509CRL published = crl(api.anonymous("GET", "/crl/vinhphuc-issuing.crl", Map.of()).body());
        assertThat(crlNumber(published)).isGreaterThanOrEqualTo(numbers.get(2));
        published.verify(caCertificate("vinhphuc-issuing").getPublicKey());
        assertThat(published.getNextUpdate()).isAfter(published.getThisUpdate());
    }

    /**
     * Runs the checks against a fresh GET of the path, again if the resource changed meanwhile (a CRL that a
     * revocation elsewhere has just renewed), so a comparison of two answers always compares one version.
     */
    private void whileUnchanged(String path, Consumer<ApiClient.Response> checks) {
        for (int attempt = 1; ; attempt++) {
            ApiClient.Response first = api.anonymous("GET", path, Map.of());
            assertThat(first.status()).as(first.toString()).isEqualTo(200);
            try {
                checks.accept(first);
                return;
            } catch (AssertionError failed) {
                String now = api.anonymous("GET", path, Map.of()).header("ETag");
                if (now.equals(first.header("ETag")) || attempt == 3) {
                    throw failed;
                }
            }
        }
    }

    private X509Certificate caCertificate(String ca) throws GeneralSecurityException {
        ApiClient.Response response = api.anonymous("GET", "/ca/" + ca + ".crt", Map.of());
        assertThat(response.status()).isEqualTo(200);
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(response.body()));
    }

    private static X509CRL crl(byte[] der) throws GeneralSecurityException {
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
    }

    private static long crlNumber(X509CRL crl) {
        byte[] extension = crl.getExtensionValue(Extension.cRLNumber.getId());
        assertThat(extension).as("CRL number extension").isNotNull();
        return ASN1Integer.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getValue().longValueExact();
    }
}
