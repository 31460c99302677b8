package org.civicca.core.check;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.civicca.core.EncodedTime;

/**
 * What RFC 5280 asks of a certificate, read back from its encoding: version 3, serial, matching signature algorithms,
 * the issuer's name, name string types, validity inside the issuer's, each extension's criticality, key identifiers
 * chained to the issuer, and key usages that fit the key (RFC 5480 for EC, RFC 8410 for Ed25519, RFC 4055 for RSA).
 */
final class CertificateRules {

    /** Extensions whose criticality RFC 5280 fixes (MUST or, for keyUsage and CRL distribution points, SHOULD). */
    private static final Map<ASN1ObjectIdentifier, Boolean> CRITICALITY = Map.of(
            Extension.keyUsage, true,
            Extension.subjectKeyIdentifier, false,
            Extension.authorityKeyIdentifier, false,
            Extension.authorityInfoAccess, false,
            Extension.subjectInfoAccess, false,
            Extension.cRLDistributionPoints, false,
            Extension.freshestCRL, false,
            Extension.nameConstraints, true,
            Extension.policyConstraints, true,
            Extension.inhibitAnyPolicy, true);
    private static final List<ASN1ObjectIdentifier> KNOWN = List.of(Extension.basicConstraints, Extension.keyUsage,
            Extension.extendedKeyUsage, Extension.subjectKeyIdentifier, Extension.authorityKeyIdentifier, Extension.authorityInfoAccess,
            Extension.cRLDistributionPoints, Extension.certificatePolicies, Extension.subjectAlternativeName, Extension.nameConstraints,
            Extension.policyConstraints, Extension.inhibitAnyPolicy, Extension.subjectInfoAccess, Extension.freshestCRL);

    private CertificateRules() {
    }

    /** {@code issuer} is the certificate itself for a self-signed root. */
    static void check(X509CertificateHolder certificate, X509CertificateHolder issuer, List<String> problems) {
        TBSCertificate tbs = certificate.toASN1Structure().getTBSCertificate();
        if (certificate.getVersionNumber() != 3) {
            problems.add("version is " + certificate.getVersionNumber() + ", not 3");
        }
        SerialRules.check("serial number", certificate.getSerialNumber(), problems);
        if (!tbs.getSignature().equals(certificate.getSignatureAlgorithm())) {
            problems.add("the signature algorithm inside the certificate differs from the outer one");
        }
        if (!certificate.getIssuer().equals(issuer.getSubject())) {
            problems.add("the issuer name is not the issuing CA's subject");
        }
        NameRules.check("subject", certificate.getSubject(), problems);
        NameRules.check("issuer", certificate.getIssuer(), problems);
        TimeRules.check("notBefore", tbs.getStartDate(), problems);
        TimeRules.check("notAfter", tbs.getEndDate(), problems);
        validity(tbs, issuer.toASN1Structure().getTBSCertificate(), problems);
        Extensions extensions = certificate.getExtensions();
        if (extensions == null) {
            problems.add("a version 3 certificate of this CA must carry extensions");
            return;
        }
        criticality(certificate, extensions, problems);
        keyIdentifiers(certificate, issuer, extensions, problems);
        usages(certificate, extensions, problems);
    }

    private static void validity(TBSCertificate tbs, TBSCertificate issuer, List<String> problems) {
        Instant notBefore = EncodedTime.instant(tbs.getStartDate());
        Instant notAfter = EncodedTime.instant(tbs.getEndDate());
        if (!notBefore.isBefore(notAfter)) {
            problems.add("notBefore is not before notAfter");
        }
        Instant issuerNotBefore = EncodedTime.instant(issuer.getStartDate());
        Instant issuerNotAfter = EncodedTime.instant(issuer.getEndDate());
        if (notBefore.isBefore(issuerNotBefore) || notAfter.isAfter(issuerNotAfter)) {
            problems.add("the validity is not inside the issuing CA's");
        }
    }

    private static void criticality(X509CertificateHolder certificate, Extensions extensions, List<String> problems) {
        for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
            Extension extension = extensions.getExtension(oid);
            Boolean required = CRITICALITY.get(oid);
            if (required != null && extension.isCritical() != required) {
                problems.add("extension " + oid.getId() + " must " + (required ? "" : "not ") + "be critical");
            }
            if (extension.isCritical() && !KNOWN.contains(oid)) {
                problems.add("critical extension " + oid.getId() + " is unknown to relying parties");
            }
        }
        boolean ca = isCa(extensions);
        Extension basic = extensions.getExtension(Extension.basicConstraints);
        if (ca && !basic.isCritical()) {
            problems.add("basicConstraints must be critical in a CA certificate");
        }
        Extension altName = extensions.getExtension(Extension.subjectAlternativeName);
        if (certificate.getSubject().getRDNs().length == 0 && (altName == null || !altName.isCritical())) {
            problems.add("a certificate with an empty subject needs a critical subjectAltName");
        }
        if (ca && certificate.getSubject().getRDNs().length == 0) {
            problems.add("a CA certificate needs a subject");
        }
    }

    private static void keyIdentifiers(X509CertificateHolder certificate, X509CertificateHolder issuer, Extensions extensions,
                                       List<String> problems) {
        SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(extensions);
        if (ski == null) {
            problems.add("subjectKeyIdentifier is missing");
        }
        AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(extensions);
        boolean selfSigned = certificate.equals(issuer);
        if (aki == null) {
            if (!selfSigned) {
                problems.add("authorityKeyIdentifier is missing");
            }
            return;
        }
        SubjectKeyIdentifier issuerSki = SubjectKeyIdentifier.fromExtensions(issuer.getExtensions());
        if (issuerSki == null || aki.getKeyIdentifierOctets() == null
                || !Arrays.equals(aki.getKeyIdentifierOctets(), issuerSki.getKeyIdentifier())) {
            problems.add("authorityKeyIdentifier is not the issuing CA's subjectKeyIdentifier");
        }
    }

    private static void usages(X509CertificateHolder certificate, Extensions extensions, List<String> problems) {
        boolean ca = isCa(extensions);
        KeyUsage keyUsage = KeyUsage.fromExtensions(extensions);
        if (keyUsage == null) {
            problems.add("keyUsage is missing");
        } else {
            keyUsageFitsTheKey(certificate.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm(), keyUsage, problems);
            if (keyUsage.hasUsages(KeyUsage.keyCertSign) != ca) {
                problems.add(ca ? "a CA certificate needs keyCertSign" : "keyCertSign needs basicConstraints cA");
            }
        }
        ExtendedKeyUsage extended = ExtendedKeyUsage.fromExtensions(extensions);
        if (extended != null && extended.getUsages().length == 0) {
            problems.add("extendedKeyUsage is empty");
        }
    }

    private static void keyUsageFitsTheKey(ASN1ObjectIdentifier keyAlgorithm, KeyUsage keyUsage, List<String> problems) {
        if (usageBits(keyUsage) == 0) {
            problems.add("keyUsage asserts no bit");
        }
        if (keyUsage.hasUsages(KeyUsage.encipherOnly) || keyUsage.hasUsages(KeyUsage.decipherOnly)) {
            if (!keyUsage.hasUsages(KeyUsage.keyAgreement)) {
                problems.add("encipherOnly and decipherOnly need keyAgreement");
            }
        }
        if (keyAlgorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            forbid(keyUsage, KeyUsage.keyEncipherment | KeyUsage.dataEncipherment, "an EC key (RFC 5480)", problems);
        } else if (keyAlgorithm.equals(EdECObjectIdentifiers.id_Ed25519) || keyAlgorithm.equals(EdECObjectIdentifiers.id_Ed448)) {
            forbid(keyUsage, KeyUsage.keyEncipherment | KeyUsage.dataEncipherment | KeyUsage.keyAgreement | KeyUsage.encipherOnly
                    | KeyUsage.decipherOnly, "an EdDSA key (RFC 8410)", problems);
        } else if (keyAlgorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            forbid(keyUsage, KeyUsage.keyAgreement | KeyUsage.encipherOnly | KeyUsage.decipherOnly, "an RSA key", problems);
        }
    }

    /** The bits as BC's KeyUsage constants number them (first octet low, second octet high). */
    private static int usageBits(KeyUsage keyUsage) {
        byte[] bytes = keyUsage.getBytes();
        int value = bytes.length > 0 ? bytes[0] & 0xff : 0;
        return bytes.length > 1 ? value | (bytes[1] & 0xff) << 8 : value;
    }

    private static void forbid(KeyUsage keyUsage, int forbidden, String key, List<String> problems) {
        if ((usageBits(keyUsage) & forbidden) != 0) {
            problems.add("keyUsage asserts a bit that " + key + " cannot serve");
        }
    }

    private static boolean isCa(Extensions extensions) {
        BasicConstraints basic = BasicConstraints.fromExtensions(extensions);
        return basic != null && basic.isCA();
    }
}
