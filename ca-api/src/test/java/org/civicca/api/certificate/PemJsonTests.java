package org.civicca.api.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import org.civicca.core.pem.Pem;
import org.civicca.core.revoke.CertificateStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PemJsonTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void writesPemAsTheSameJsonStringJacksonWouldWrite() {
        byte[] der = new byte[700];
        new SecureRandom().nextBytes(der);
        String pem = Pem.certificate(der);
        String chain = pem + Pem.certificate(der) + Pem.certificate(der);

        String json = JSON.writeValueAsString(view(pem, chain));

        JsonNode tree = JSON.readTree(json);
        assertThat(tree.get("certificatePem").asString()).isEqualTo(pem);
        assertThat(tree.get("chainPem").asString()).isEqualTo(chain);
        assertThat(json).contains(JSON.writeValueAsString(pem)).contains(JSON.writeValueAsString(chain));
    }

    @ParameterizedTest
    @ValueSource(strings = {"quote \" inside", "back\\slash", "carriage\r\nreturn", "tab\there", "ünïcode ✓", "\u0000", ""})
    void writesAnyOtherTextTheGeneralWay(String text) {
        String json = JSON.writeValueAsString(view(text, text));

        JsonNode tree = JSON.readTree(json);
        assertThat(tree.get("certificatePem").asString()).isEqualTo(text);
        assertThat(tree.get("chainPem").asString()).isEqualTo(text);
    }

    @Test
    void leavesAnAbsentChainOut() {
        assertThat(JSON.readTree(JSON.writeValueAsString(view("-----BEGIN X-----\n", null))).has("chainPem")).isFalse();
    }

    private static CertificateView view(String certificatePem, String chainPem) {
        return new CertificateView("1f", CertificateStatus.ISSUED, "issuing", "personal", "so-tc", null, "CN=A", "A", null,
                Instant.EPOCH, Instant.EPOCH, certificatePem, chainPem, null);
    }
}
