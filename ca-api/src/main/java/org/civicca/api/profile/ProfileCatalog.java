package org.civicca.api.profile;

import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.profile.CertificateProfile;
import org.civicca.core.profile.KeyUsageBit;
import org.civicca.core.profile.ProfileRegistry;
import org.civicca.core.subject.FieldRule;
import org.civicca.core.subject.SubjectField;
import org.springframework.stereotype.Component;

/** The configured profiles as API views. */
@Component
class ProfileCatalog {

    private final ProfileRegistry profiles;

    ProfileCatalog(ProfileRegistry profiles) {
        this.profiles = profiles;
    }

    List<ProfileView> all() {
        return profiles.all().stream().map(ProfileCatalog::view).toList();
    }

    private static ProfileView view(CertificateProfile p) {
        return new ProfileView(p.name(), p.issuer(), sorted(p.allowedKeys().stream().map(KeyAlgorithm::label).toList()),
                p.defaultValidityDays(), p.maxValidityDays(), bits(p.keyUsage()), bits(p.rsaOnlyKeyUsage()),
                p.extendedKeyUsage().stream().map(ASN1ObjectIdentifier::getId).toList(),
                p.policies().stream().map(ASN1ObjectIdentifier::getId).toList(),
                p.subject().commonNameRule() == FieldRule.PERSON_NAME ? "person-name" : "organization-name",
                fields(p.subject().required()), fields(p.subject().optional()));
    }

    private static List<String> bits(Collection<KeyUsageBit> bits) {
        return bits.stream().sorted().map(KeyUsageBit::rfcName).toList();
    }

    private static List<String> fields(Collection<SubjectField> fields) {
        return fields.stream().sorted().map(SubjectField::jsonName).toList();
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }
}
