package org.civicca.api.health;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicca.api.config.CaProperties;
import org.civicca.api.crl.CrlCache;
import org.civicca.api.crl.CrlFreshness;
import org.civicca.core.ca.Authorities;
import org.civicca.core.ca.CertificateAuthority;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's own parts of {@code /actuator/health}, beside the database's ({@code db}, Spring Boot's): {@code caKeys}
 * and {@code crls}, each with one member per CA ({@code /actuator/health/crls/vinhphuc-issuing}).
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    @Bean
    CompositeHealthContributor caKeysHealthContributor(Authorities authorities, Clock clock, CaProperties properties) {
        return CompositeHealthContributor.fromMap(byName(authorities),
                ca -> new CaKeyHealth(ca, clock, properties.health().caExpiryWarning()));
    }

    @Bean
    CompositeHealthContributor crlsHealthContributor(Authorities authorities, CrlCache crls, Clock clock, CaProperties properties) {
        CrlFreshness freshness = CrlFreshness.of(properties.crl());
        return CompositeHealthContributor.fromMap(byName(authorities), ca -> new CrlHealth(ca.name(), crls, freshness, clock));
    }

    private static Map<String, CertificateAuthority> byName(Authorities authorities) {
        Map<String, CertificateAuthority> byName = new LinkedHashMap<>();
        authorities.all().forEach(ca -> byName.put(ca.name(), ca));
        return byName;
    }
}
