package org.civicca.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.civicca.api.ApiClient;
import org.civicca.api.ServiceTest;
import org.civicca.core.ca.Authorities;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.sign.CaSigner;
import org.civicca.core.sign.SoftwareCaSigner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import tools.jackson.databind.JsonNode;

/**
 * {@code /actuator/health} as a load balancer and a monitoring system read it: the overall status and each
 * component's (the database, every CA's key, every CA's CRL), without credentials and without details.
 */
class HealthTests extends ServiceTest {

    @Autowired
    Authorities authorities;

    @Autowired
    Clock clock;

    @Test
    void aHealthyServiceIsUpWithTheDatabaseTheCaKeysAndTheCrlsOfEveryCa() {
        ApiClient.Response response = api.anonymous("GET", "/actuator/health", Map.of());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode health = response.json();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        JsonNode components = health.get("components");
        for (String component : new String[] {"db", "caKeys", "crls"}) {
            assertThat(components.get(component).get("status").asString()).as(component).isEqualTo("UP");
        }
        for (String part : new String[] {"caKeys", "crls"}) {
            JsonNode perCa = components.get(part).get("components");
            assertThat(perCa.propertyNames()).as(part).containsExactlyInAnyOrder("vinhphuc-root", "vinhphuc-issuing");
            perCa.forEach(ca -> assertThat(ca.get("status").asString()).isEqualTo("UP"));
        }
    }

    @Test
    void anonymousCallersSeeNoDetails() {
        String body = api.anonymous("GET", "/actuator/health", Map.of()).text();

        assertThat(body).doesNotContain("details", "nextUpdate", "notAfter", "H2", "jdbc");
    }

    @Test
    void theCaListingSaysEachCrlIsFresh() {
        JsonNode cas = api.get("/api/v1/cas").json();

        assertThat(cas).hasSize(2).allSatisfy(ca -> {
            assertThat(ca.get("crlFreshness").asString()).isEqualTo("fresh");
            assertThat(ca.get("crlStale").asBoolean()).isFalse();
        });
    }

    @Test
    void aCaKeyThatNoLongerMatchesItsCertificateIsDown() throws GeneralSecurityException, IOException {
        CertificateAuthority issuing = authorities.get("vinhphuc-issuing");
        PublicKey certified = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(issuing.signer().publicKey().getEncoded()));
        KeyPair swapped = KeyAlgorithm.EC_P256.generate(new SecureRandom());
        CaSigner wrongKey = new SoftwareCaSigner(swapped.getPrivate(), certified, KeyAlgorithm.EC_P256, new SecureRandom());

        Health health = new CaKeyHealth(new CertificateAuthority(issuing.definition(), wrongKey, issuing.chain()), clock,
                Duration.ofDays(90)).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("key", "unusable").containsKey("notAfter");
    }

    @Test
    void aCaKeyThatSignsIsUsableAndTellsTheDaysLeft() {
        CertificateAuthority root = authorities.get("vinhphuc-root");

        Health health = new CaKeyHealth(root, clock, Duration.ofDays(90)).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("key", "usable");
        assertThat((Long) health.getDetails().get("daysLeft")).isGreaterThan(7000);
    }
}
