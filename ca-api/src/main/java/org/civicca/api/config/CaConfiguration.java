package org.civicca.api.config;

import java.security.SecureRandom;
import java.time.Clock;
import org.civicca.core.ca.Authorities;
import org.civicca.core.ca.CaCertificateFactory;
import org.civicca.core.ca.CaUrls;
import org.civicca.core.crl.CrlBuilder;
import org.civicca.core.crl.CrlPublisher;
import org.civicca.core.csr.CsrParser;
import org.civicca.core.issue.CertificateSigner;
import org.civicca.core.issue.IssuancePipeline;
import org.civicca.core.issue.IssuanceService;
import org.civicca.core.issue.ProfileGrant;
import org.civicca.core.issue.SerialNumberGenerator;
import org.civicca.core.issue.TimeOrderedSerialNumberGenerator;
import org.civicca.core.profile.ProfileRegistry;
import org.civicca.core.revoke.RevocationService;
import org.civicca.core.sign.Pkcs12KeyStore;
import org.civicca.core.sign.SignatureProviders;
import org.civicca.core.store.AgencyDirectory;
import org.civicca.core.store.CertificateStore;
import org.civicca.core.store.CrlStore;
import org.civicca.core.subject.SubjectBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The one place where ca-core is wired to Spring. */
@Configuration(proxyBeanMethods = false)
class CaConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Bean
    CaHome caHome(CaProperties properties) {
        return CaHome.create(properties.home());
    }

    @Bean
    Pkcs12KeyStore caKeyStore(Environment environment, CaProperties properties, CaHome home, SecureRandom random) {
        return Pkcs12KeyStore.open(home.keystore(), KeystorePasswordSource.resolve(environment, properties, home, random));
    }

    @Bean
    CaUrls caUrls(CaProperties properties) {
        return new CaUrls(properties.publicBaseUrl());
    }

    @Bean
    CaHierarchy caHierarchy(CaProperties properties) {
        return new CaHierarchy(ConfigurationMapping.authorities(properties));
    }

    @Bean
    ProfileRegistry profileRegistry(CaProperties properties, CaHierarchy hierarchy) {
        ProfileRegistry registry = new ProfileRegistry(ConfigurationMapping.profiles(properties));
        registry.all().forEach(profile -> hierarchy.require(profile.issuer(), "profile " + profile.name()));
        return registry;
    }

    @Bean
    SerialNumberGenerator serialNumberGenerator(Clock clock, SecureRandom random) {
        return new TimeOrderedSerialNumberGenerator(clock, random);
    }

    @Bean
    CertificateSigner certificateSigner() {
        return new CertificateSigner();
    }

    @Bean
    IssuancePipeline issuancePipeline(CaProperties properties, CaUrls urls, CertificateSigner signer, SerialNumberGenerator serials,
                                      SignatureProviders providers) {
        return new IssuancePipeline(new CsrParser(providers), new SubjectBuilder(properties.country(), properties.province()),
                new ProfileGrant(urls), signer, serials);
    }

    @Bean
    CaCertificateFactory caCertificateFactory(CertificateSigner signer, SerialNumberGenerator serials, CaUrls urls) {
        return new CaCertificateFactory(signer, serials, urls);
    }

    @Bean
    CrlBuilder crlBuilder() {
        return new CrlBuilder();
    }

    @Bean
    IssuanceService issuanceService(ProfileRegistry profiles, AgencyDirectory agencies, Authorities authorities,
                                    IssuancePipeline pipeline, CertificateStore store, Clock clock) {
        return new IssuanceService(profiles, agencies, authorities, pipeline, store, clock);
    }

    @Bean
    RevocationService revocationService(CertificateStore store, Clock clock) {
        return new RevocationService(store, clock);
    }

    @Bean
    CrlPublisher crlPublisher(Authorities authorities, CertificateStore certificates, CrlStore crls, CrlBuilder builder, Clock clock) {
        return new CrlPublisher(authorities, certificates, crls, builder, clock);
    }
}
