package org.civicca.core.profile;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.subject.FieldRule;
import org.civicca.core.subject.SubjectTemplate;

/**
 * What a certificate of one kind may be: the issuing CA, the subscriber keys allowed, the validity, the key
 * usages (with the extra bits granted only to RSA keys, which can encipher), the extended key usages, the
 * policies, and the subject template. Validated on construction, so a registry holds only sound profiles.
 */
public record CertificateProfile(
        String name,
        String issuer,
        Set<KeyAlgorithm> allowedKeys,
        int defaultValidityDays,
        int maxValidityDays,
        Set<KeyUsageBit> keyUsage,
        Set<KeyUsageBit> rsaOnlyKeyUsage,
        List<ASN1ObjectIdentifier> extendedKeyUsage,
        List<ASN1ObjectIdentifier> policies,
        SubjectTemplate subject) {

    private static final Set<KeyUsageBit> CA_ONLY = EnumSet.of(KeyUsageBit.KEY_CERT_SIGN, KeyUsageBit.CRL_SIGN);

    public CertificateProfile {
        FieldRule.AGENCY_CODE.check("profile name", name);
        FieldRule.AGENCY_CODE.check("profile issuer", issuer);
        allowedKeys = Set.copyOf(allowedKeys);
        keyUsage = Set.copyOf(keyUsage);
        rsaOnlyKeyUsage = Set.copyOf(rsaOnlyKeyUsage);
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
        policies = List.copyOf(policies);
        if (allowedKeys.isEmpty()) {
            throw new IllegalArgumentException("profile " + name + " allows no key algorithm");
        }
        if (defaultValidityDays < 1 || defaultValidityDays > maxValidityDays) {
            throw new IllegalArgumentException("profile " + name + ": default validity must be 1 to max validity days");
        }
        if (keyUsage.isEmpty()) {
            throw new IllegalArgumentException("profile " + name + " grants no key usage");
        }
        if (keyUsage.stream().anyMatch(CA_ONLY::contains) || rsaOnlyKeyUsage.stream().anyMatch(CA_ONLY::contains)) {
            throw new IllegalArgumentException("profile " + name + ": end-entity profiles cannot grant keyCertSign or cRLSign");
        }
        if (subject == null) {
            throw new IllegalArgumentException("profile " + name + " has no subject template");
        }
    }

    /** The key usage for a subscriber key: RSA keys also get the RSA-only bits (keyEncipherment). */
    public Set<KeyUsageBit> keyUsageFor(KeyAlgorithm key) {
        EnumSet<KeyUsageBit> bits = EnumSet.copyOf(keyUsage);
        if (key.isRsa()) {
            bits.addAll(rsaOnlyKeyUsage);
        }
        return bits;
    }
}
