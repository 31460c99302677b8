package org.civicca.core.issue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** Builds the X.509 extensions the CA writes, each with the criticality RFC 5280 asks for. */
public final class Extensions {

    private Extensions() {
    }

    public static Extension basicConstraints(boolean ca, Integer pathLength) {
        BasicConstraints value = !ca ? new BasicConstraints(false)
                : pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength);
        return extension(Extension.basicConstraints, true, value);
    }

    public static Extension keyUsage(KeyUsage keyUsage) {
        return extension(Extension.keyUsage, true, keyUsage);
    }

    public static Extension extendedKeyUsage(List<ASN1ObjectIdentifier> purposes) {
        KeyPurposeId[] ids = purposes.stream().map(KeyPurposeId::getInstance).toArray(KeyPurposeId[]::new);
        return extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(ids));
    }

    public static Extension subjectKeyIdentifier(SubjectPublicKeyInfo key) {
        SubjectKeyIdentifier ski = utils().createSubjectKeyIdentifier(key);
        return extension(Extension.subjectKeyIdentifier, false, ski);
    }

    /** The issuer's own subjectKeyIdentifier, copied, so that AKI and SKI match byte for byte. */
    public static Extension authorityKeyIdentifier(X509CertificateHolder issuer) {
        SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(issuer.getExtensions());
        AuthorityKeyIdentifier aki = ski != null
                ? new AuthorityKeyIdentifier(ski.getKeyIdentifier())
                : utils().createAuthorityKeyIdentifier(issuer.getSubjectPublicKeyInfo());
        return extension(Extension.authorityKeyIdentifier, false, aki);
    }

    public static Extension crlDistributionPoint(String url) {
        DistributionPointName name = new DistributionPointName(new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url)));
        return extension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(name, null, null)}));
    }

    public static Extension caIssuers(String url) {
        AccessDescription access = new AccessDescription(X509ObjectIdentifiers.id_ad_caIssuers,
                new GeneralName(GeneralName.uniformResourceIdentifier, url));
        return extension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(access));
    }

    public static Extension certificatePolicies(List<ASN1ObjectIdentifier> policies) {
        PolicyInformation[] info = policies.stream().map(PolicyInformation::new).toArray(PolicyInformation[]::new);
        return extension(Extension.certificatePolicies, false, new CertificatePolicies(info));
    }

    public static Extension emailAltName(String email) {
        return extension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)));
    }

    private static JcaX509ExtensionUtils utils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required for key identifiers", e);
        }
    }

    private static Extension extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            return new Extension(oid, critical, value.toASN1Primitive().getEncoded("DER"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
