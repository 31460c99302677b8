package org.civicca.api.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicca.api.ApiClient;
import org.civicca.api.CivicCaApplication;
import org.civicca.api.Requests;
import org.civicca.core.key.KeyAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Stopping and starting the service on the same ca.home keeps the CAs, the certificates and the CRL numbering, and a
 * revocation whose CRL had not been made yet is in the CRL the next start serves.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartTests {

    @TempDir
    Path home;

    @Test
    void restartKeepsCasCertificatesAndCrlNumbers() throws IOException {
        String caCertificates;
        String serial;
        long crlNumber;
        try (ConfigurableApplicationContext first = start()) {
            ApiClient api = client(first);
            api.post("/api/v1/agencies", Map.of("code", "so-tc", "name", "Sở Tài chính", "taxCode", "2561744874", "locality", "Vĩnh Yên"));
            ApiClient.Response issued = api.post("/api/v1/certificates", Requests.personal(KeyAlgorithm.EC_P256));
            assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
            serial = issued.json().get("serial").asString();
            caCertificates = pems(api.get("/api/v1/cas").json());
            crlNumber = api.post("/api/v1/cas/vinhphuc-issuing/crl", Map.of()).json().get("crlNumber").asLong();
        }

        try (ConfigurableApplicationContext second = start()) {
            ApiClient api = client(second);
            assertThat(pems(api.get("/api/v1/cas").json())).as("CAs are loaded, never regenerated").isEqualTo(caCertificates);
            ApiClient.Response kept = api.get("/api/v1/certificates/" + serial);
            assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
            assertThat(api.get("/api/v1/cas").json().get(1).get("crlNumber").asLong()).isEqualTo(crlNumber);
            assertThat(api.post("/api/v1/cas/vinhphuc-issuing/crl", Map.of()).json().get("crlNumber").asLong()).isEqualTo(crlNumber + 1);
        }
    }

    @Test
    void aRevocationWhoseCrlWasStillPendingAtTheStopIsInTheCrlServedAfterTheNextStart() throws IOException, GeneralSecurityException {
        String serial;
        long crlNumber;
        try (ConfigurableApplicationContext first = start("--ca.crl.publish-delay=1h")) {
            ApiClient api = client(first);
            api.post("/api/v1/agencies", Map.of("code", "so-tc", "name", "Sở Tài chính", "taxCode", "2561744874", "locality", "Vĩnh Yên"));
            serial = api.post("/api/v1/certificates", Requests.personal(KeyAlgorithm.EC_P256)).json().get("serial").asString();
            crlNumber = api.post("/api/v1/cas/vinhphuc-issuing/crl", Map.of()).json().get("crlNumber").asLong();
            ApiClient.Response revoked = api.post("/api/v1/certificates/" + serial + "/revocation", Map.of("reason", "keyCompromise"));
            assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        }

        try (ConfigurableApplicationContext second = start()) {
            ApiClient api = client(second);
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(
                    api.anonymous("GET", "/crl/vinhphuc-issuing.crl", Map.of()).body()));
            assertThat(crl.getRevokedCertificate(new BigInteger(serial, 16))).as("%s in the CRL served after the start", serial).isNotNull();
            assertThat(api.get("/api/v1/cas").json().get(1).get("crlNumber").asLong()).isEqualTo(crlNumber + 1);
        }

        try (ConfigurableApplicationContext third = start()) {
            assertThat(client(third).get("/api/v1/cas").json().get(1).get("crlNumber").asLong())
                    .as("a start after a CRL that lists every revocation makes none").isEqualTo(crlNumber + 1);
        }
    }

    @Test
    void secretsUnderCaHomeAreOwnerOnly() throws IOException {
        try (ConfigurableApplicationContext ignored = start()) {
            for (Path secret : new Path[] {home.resolve("admin.token"), home.resolve("keystore/ca.p12"),
                    home.resolve("keystore/keystore.password")}) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).as(secret.toString()).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void aCaWhoseConfigurationChangedIsReportedAndKeptAsStored(CapturedOutput output, @TempDir Path config) throws IOException {
        String issuing;
        try (ConfigurableApplicationContext first = start()) {
            issuing = client(first).get("/api/v1/cas").json().get(1).get("certificatePem").asString();
        }
        Path changed = config.resolve("changed.yml");
        Files.writeString(changed, Files.readString(Path.of("..", "config", "hierarchy.yml"))
                .replace("common-name: Vĩnh Phúc Issuing CA", "common-name: Vĩnh Phúc Issuing CA 2"));

        try (ConfigurableApplicationContext second = start("--spring.config.additional-location=file:../config/,file:" + changed)) {
            assertThat(client(second).get("/api/v1/cas").json().get(1).get("certificatePem").asString()).isEqualTo(issuing);
        }
        assertThat(output.getOut()).contains("CA vinhphuc-issuing in the keystore no longer matches its configuration")
                .contains("CN=Vĩnh Phúc Issuing CA 2");
    }

    @Test
    void theKeystorePasswordCanComeFromAFileAndIsNeverGenerated(@TempDir Path secrets) throws IOException {
        Path passwordFile = secrets.resolve("keystore-password");
        Files.writeString(passwordFile, "correct horse battery staple\n");

        try (ConfigurableApplicationContext ignored = start("--ca.keystore-password-file=" + passwordFile)) {
            assertThat(home.resolve("keystore/keystore.password")).doesNotExist();
        }
        Files.writeString(passwordFile, "another password\n");
        assertThatThrownBy(() -> start("--ca.keystore-password-file=" + passwordFile).close())
                .hasStackTraceContaining("cannot open CA keystore");
    }

    @Test
    void aKeystoreWithoutItsPasswordRefusesToStartRatherThanGenerateAnother(@TempDir Path secrets) throws IOException {
        Path passwordFile = secrets.resolve("keystore-password");
        Files.writeString(passwordFile, "correct horse battery staple\n");
        start("--ca.keystore-password-file=" + passwordFile).close();

        assertThatThrownBy(() -> start().close()).hasStackTraceContaining("exists but no password for it was given");
        assertThat(home.resolve("keystore/keystore.password")).doesNotExist();
    }

    @Test
    void theLogNamesTheAdminTokenFileButNeverTheToken(CapturedOutput output) throws IOException {
        try (ConfigurableApplicationContext ignored = start()) {
            String token = Files.readString(home.resolve("admin.token")).strip();
            assertThat(output.getAll()).contains(home.resolve("admin.token").toString()).doesNotContain(token);
        }
    }

    private ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of("--ca.home=" + home, "--server.port=0", "--ca.public-base-url=http://ca.test"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(CivicCaApplication.class).run(args.toArray(String[]::new));
    }

    private ApiClient client(ConfigurableApplicationContext context) throws IOException {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new ApiClient(port, Files.readString(home.resolve("admin.token")).strip());
    }

    private static String pems(JsonNode cas) {
        StringBuilder all = new StringBuilder();
        cas.forEach(ca -> all.append(ca.get("name").asString()).append(ca.get("certificatePem").asString()));
        return all.toString();
    }
}
