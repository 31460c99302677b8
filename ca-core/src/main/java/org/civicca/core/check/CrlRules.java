package org.civicca.core.check;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.TBSCertList;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.civicca.core.EncodedTime;

/**
 * What RFC 5280 section 5 asks of a complete CRL, read back from its encoding: version 2, the issuer's name and key
 * identifier, a CRL number above the last one, nextUpdate after thisUpdate, and entries whose serials, dates and
 * reason codes are valid. Entries are walked once without building their objects twice: CRLs run to a million entries.
 */
final class CrlRules {

    private static final Set<ASN1ObjectIdentifier> KNOWN = Set.of(Extension.authorityKeyIdentifier, Extension.cRLNumber,
            Extension.issuingDistributionPoint, Extension.freshestCRL, Extension.authorityInfoAccess);

    private CrlRules() {
    }

    static void check(X509CRLHolder crl, X509CertificateHolder issuer, OptionalLong previousNumber, List<String> problems) {
        TBSCertList tbs = crl.toASN1Structure().getTBSCertList();
        if (tbs.getVersionNumber() != 2) {
            problems.add("version is " + tbs.getVersionNumber() + ", not 2");
        }
        if (!tbs.getSignature().equals(crl.toASN1Structure().getSignatureAlgorithm())) {
            problems.add("the signature algorithm inside the CRL differs from the outer one");
        }
        if (!crl.getIssuer().equals(issuer.getSubject())) {
            problems.add("the issuer name is not the CA's subject");
        }
        NameRules.check("issuer", crl.getIssuer(), problems);
        KeyUsage usage = KeyUsage.fromExtensions(issuer.getExtensions());
        if (usage == null || !usage.hasUsages(KeyUsage.cRLSign)) {
            problems.add("the CA's certificate does not grant cRLSign");
        }
        TimeRules.check("thisUpdate", tbs.getThisUpdate(), problems);
        if (tbs.getNextUpdate() == null) {
            problems.add("nextUpdate is missing");
        } else {
            TimeRules.check("nextUpdate", tbs.getNextUpdate(), problems);
            if (!tbs.getNextUpdate().getDate().after(tbs.getThisUpdate().getDate())) {
                problems.add("nextUpdate is not after thisUpdate");
            }
        }
        extensions(crl.getExtensions(), issuer, previousNumber, problems);
        entries(tbs, problems);
    }

    private static void extensions(Extensions extensions, X509CertificateHolder issuer, OptionalLong previousNumber, List<String> problems) {
        if (extensions == null) {
            problems.add("a version 2 CRL of this CA must carry the CRL number and authority key identifier");
            return;
        }
        for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
            Extension extension = extensions.getExtension(oid);
            if (oid.equals(Extension.deltaCRLIndicator)) {
                problems.add("a complete CRL must not carry a delta CRL indicator");
            } else if (oid.equals(Extension.issuingDistributionPoint) ? !extension.isCritical() : extension.isCritical()) {
                problems.add("extension " + oid.getId() + " must " + (extension.isCritical() ? "not " : "") + "be critical");
            }
            if (!KNOWN.contains(oid) && !oid.equals(Extension.deltaCRLIndicator)) {
                problems.add("extension " + oid.getId() + " is unknown to relying parties");
            }
        }
        Extension number = extensions.getExtension(Extension.cRLNumber);
        if (number == null) {
            problems.add("the CRL number is missing");
        } else {
            BigInteger value = ASN1Integer.getInstance(number.getParsedValue()).getValue();
            if (value.signum() < 0 || value.toByteArray().length > SerialRules.MAX_OCTETS) {
                problems.add("the CRL number must be non-negative and at most 20 octets");
            }
            if (previousNumber.isPresent() && value.compareTo(BigInteger.valueOf(previousNumber.getAsLong())) <= 0) {
                problems.add("the CRL number " + value + " does not increase on " + previousNumber.getAsLong());
            }
        }
        AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(extensions);
        SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(issuer.getExtensions());
        if (aki == null || ski == null || !Arrays.equals(aki.getKeyIdentifierOctets(), ski.getKeyIdentifier())) {
            problems.add("authorityKeyIdentifier is missing or is not the CA's subjectKeyIdentifier");
        }
    }

    private static void entries(TBSCertList tbs, List<String> problems) {
        Set<BigInteger> seen = new HashSet<>();
        String thisUpdate = EncodedTime.sortableText(tbs.getThisUpdate());
        Enumeration<?> entries = tbs.getRevokedCertificateEnumeration();
        while (entries.hasMoreElements() && problems.size() < 50) {
            TBSCertList.CRLEntry entry = (TBSCertList.CRLEntry) entries.nextElement();
            BigInteger serial = entry.getUserCertificate().getValue();
            String which = "entry " + serial.toString(16);
            SerialRules.check(which + ": serial", serial, problems);
            if (!seen.add(serial)) {
                problems.add(which + " is listed twice");
            }
            TimeRules.check(which + ": revocationDate", entry.getRevocationDate(), problems);
            String revoked = EncodedTime.sortableText(entry.getRevocationDate());
            if (revoked != null && thisUpdate != null && revoked.compareTo(thisUpdate) > 0) {
                problems.add(which + ": revocationDate is after thisUpdate");
            }
            entryExtensions(which, entry.getExtensions(), problems);
        }
    }

    private static void entryExtensions(String which, Extensions extensions, List<String> problems) {
        if (extensions == null) {
            return;
        }
        for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
            if (extensions.getExtension(oid).isCritical()) {
                problems.add(which + ": extension " + oid.getId() + " must not be critical");
            }
            if (!oid.equals(Extension.reasonCode) && !oid.equals(Extension.invalidityDate)) {
                problems.add(which + ": extension " + oid.getId() + " is not expected in a CRL of this CA");
            }
        }
        Extension reason = extensions.getExtension(Extension.reasonCode);
        if (reason != null) {
            int code = CRLReason.getInstance(reason.getParsedValue()).getValue().intValue();
            if (code < 0 || code > 10 || code == 7) {
                problems.add(which + ": reason code " + code + " is not defined");
            } else if (code == CRLReason.unspecified) {
                problems.add(which + ": reason code unspecified must be left out");
            } else if (code == CRLReason.removeFromCRL) {
                problems.add(which + ": removeFromCRL belongs in delta CRLs only");
            }
        }
    }
}
