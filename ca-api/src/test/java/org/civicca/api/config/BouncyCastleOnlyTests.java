package org.civicca.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.civicca.api.ApiClient;
import org.civicca.api.Requests;
import org.civicca.api.TestHomes;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.sign.SignatureProviders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With {@code ca.crypto.provider=bouncycastle} the service issues and publishes as it does on the native provider. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ca.public-base-url=http://ca.test", "ca.api.auth-failures-per-minute=100000", "ca.crypto.provider=bouncycastle"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BouncyCastleOnlyTests {

    private static final Path HOME = TestHomes.create("civicca-bouncycastle");

    @LocalServerPort
    int port;

    @Autowired
    SignatureProviders providers;

    @DynamicPropertySource
    static void caHome(DynamicPropertyRegistry registry) {
        registry.add("ca.home", HOME::toString);
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "RSA_2048"})
    void certificatesAndCrlsVerifyWithTheIssuersKey(KeyAlgorithm key) throws Exception {
        ApiClient api = ApiClient.asAdmin(port, HOME);
        api.post("/api/v1/agencies", Map.of("code", "so-tc", "name", "Sở Tài chính", "taxCode", "2561744874", "locality", "Vĩnh Yên"));

        ApiClient.Response issued = api.post("/api/v1/certificates", Requests.personal(key));
        api.send(api.authorized("/api/v1/cas/vinhphuc-issuing/crl").POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(providers.name()).isEqualTo("BC");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        X509Certificate issuer = certificate(api.anonymous("GET", "/ca/vinhphuc-issuing.crt", Map.of()).body());
        X509Certificate leaf = certificate(api.get("/api/v1/certificates/" + issued.json().get("serial").asString(),
                "application/pkix-cert").body());
        leaf.verify(issuer.getPublicKey());
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(api.anonymous("GET", "/crl/vinhphuc-issuing.crl", Map.of()).body()));
        crl.verify(issuer.getPublicKey());
    }

    private static X509Certificate certificate(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
