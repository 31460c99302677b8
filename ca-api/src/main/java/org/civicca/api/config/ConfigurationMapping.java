package org.civicca.api.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.civicca.core.ca.CaDefinition;
import org.civicca.core.ca.CaSubject;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.profile.CertificateProfile;
import org.civicca.core.profile.ExtendedKeyUsages;
import org.civicca.core.profile.KeyUsageBit;
import org.civicca.core.subject.FieldRule;
import org.civicca.core.subject.SubjectField;
import org.civicca.core.subject.SubjectTemplate;

/** Turns the configuration as read into validated core records; a bad configuration stops the start with its reason. */
final class ConfigurationMapping {

    private ConfigurationMapping() {
    }

    static List<CaDefinition> authorities(CaProperties properties) {
        List<CaProperties.Authority> declared = Optional.ofNullable(properties.authorities()).orElse(List.of());
        if (declared.stream().noneMatch(a -> a.parent() == null || a.parent().isBlank())) {
            throw new IllegalStateException("ca.authorities must declare a root CA (one without a parent)");
        }
        List<CaDefinition> definitions = declared.stream().map(ConfigurationMapping::authority).toList();
        List<String> names = definitions.stream().map(CaDefinition::name).toList();
        for (CaDefinition definition : definitions) {
            definition.parent().ifPresent(parent -> {
                if (names.indexOf(parent) < 0 || names.indexOf(parent) > names.indexOf(definition.name())) {
                    throw new IllegalStateException("CA " + definition.name() + ": parent " + parent + " must be declared before it");
                }
            });
        }
        return definitions;
    }

    private static CaDefinition authority(CaProperties.Authority a) {
        CaProperties.Subject s = a.subject();
        if (s == null) {
            throw new IllegalStateException("CA " + a.name() + " has no subject");
        }
        CaSubject subject = new CaSubject(s.country(), s.province(), blankToEmpty(s.locality()), s.organization(),
                blankToEmpty(s.organizationalUnit()), s.commonName());
        return new CaDefinition(a.name(), subject.toX500Name(), KeyAlgorithm.parse(a.keyAlgorithm()), a.validityYears(),
                blankToEmpty(a.parent()), a.crlValidity());
    }

    static List<CertificateProfile> profiles(CaProperties properties) {
        Map<String, CaProperties.Profile> declared = Optional.ofNullable(properties.profiles()).orElse(Map.of());
        return declared.entrySet().stream().map(e -> profile(e.getKey(), e.getValue())).toList();
    }

    private static CertificateProfile profile(String name, CaProperties.Profile p) {
        SubjectTemplate subject = new SubjectTemplate(
                map(p.requiredFields(), SubjectField::parse).stream().collect(Collectors.toSet()),
                map(p.optionalFields(), SubjectField::parse).stream().collect(Collectors.toSet()),
                commonNameRule(name, p.commonNameRule()));
        return new CertificateProfile(name, p.issuer(),
                map(p.keyAlgorithms(), KeyAlgorithm::parse).stream().collect(Collectors.toSet()),
                p.defaultValidityDays(), p.maxValidityDays(),
                map(p.keyUsage(), KeyUsageBit::parse).stream().collect(Collectors.toSet()),
                map(p.rsaKeyUsage(), KeyUsageBit::parse).stream().collect(Collectors.toSet()),
                map(p.extendedKeyUsage(), ExtendedKeyUsages::parse),
                map(p.policies(), ASN1ObjectIdentifier::new),
                subject);
    }

    private static FieldRule commonNameRule(String profile, String rule) {
        return switch (rule == null ? "" : rule) {
            case "person-name" -> FieldRule.PERSON_NAME;
            case "organization-name" -> FieldRule.ORGANIZATION_TEXT;
            default -> throw new IllegalStateException("profile " + profile + ": common-name-rule must be person-name or organization-name");
        };
    }

    private static <T> List<T> map(List<String> values, Function<String, T> parse) {
        return Optional.ofNullable(values).orElse(List.of()).stream().map(parse).toList();
    }

    private static Optional<String> blankToEmpty(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
