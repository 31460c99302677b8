package org.civicca.api.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.civicca.api.ApiClient;
import org.civicca.api.CivicCaApplication;
import org.civicca.api.Requests;
import org.civicca.core.key.KeyAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Stopping and starting the service on the same ca.home keeps the CAs, the certificates and the CRL numbering. */
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
    void secretsUnderCaHomeAreOwnerOnly() throws IOException {
        try (ConfigurableApplicationContext ignored = start()) {
            for (Path secret : new Path[] {home.resolve("admin.token"), home.resolve("keystore/ca.p12"),
                    home.resolve("keystore/keystore.password")}) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).as(secret.toString()).isEqualTo("rw-------");
            }
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CivicCaApplication.class)
                .run("--ca.home=" + home, "--server.port=0", "--ca.public-base-url=http://ca.test");
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
