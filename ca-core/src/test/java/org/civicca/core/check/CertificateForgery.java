package org.civicca.core.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.civicca.core.TestPki;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.issue.Extensions;
import org.civicca.core.key.KeyAlgorithm;

/**
 * Builds subscriber certificates under the test issuing CA the way the CA would, except for what a test changes:
 * the raw material for showing that the checker catches each way a certificate can break RFC 5280.
 */
final class CertificateForgery {

    BigInteger serial = new BigInteger("1234567890abcdef", 16);
    X500Name issuer;
    List<ASN1Encodable[]> subject = new ArrayList<>();
    Time notBefore;
    Time notAfter;
    SubjectPublicKeyInfo key;
    final List<Extension> extensions = new ArrayList<>();
    private final CertificateAuthority ca;

    CertificateForgery(CertificateAuthority ca, KeyAlgorithm keyAlgorithm) {
        this.ca = ca;
        KeyPair keys = TestPki.keyPair(keyAlgorithm);
        this.key = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        this.issuer = ca.subject();
        Instant now = ca.certificate().getNotBefore().toInstant().plus(Duration.ofDays(1));
        this.notBefore = new Time(Date.from(now));
        this.notAfter = new Time(Date.from(now.plus(Duration.ofDays(365))));
        subject.add(new ASN1Encodable[] {BCStyle.C, new DERPrintableString("VN")});
        subject.add(new ASN1Encodable[] {BCStyle.O, new DERUTF8String("Sở Tài chính")});
        subject.add(new ASN1Encodable[] {BCStyle.CN, new DERUTF8String("Nguyễn Thị Ánh")});
        extensions.add(Extensions.basicConstraints(false, null));
        extensions.add(Extensions.keyUsage(new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)));
        extensions.add(Extensions.subjectKeyIdentifier(key));
        extensions.add(Extensions.authorityKeyIdentifier(ca.certificate()));
    }

    CertificateForgery replace(Extension extension) {
        extensions.removeIf(e -> e.getExtnId().equals(extension.getExtnId()));
        extensions.add(extension);
        return this;
    }

    CertificateForgery remove(ASN1ObjectIdentifier oid) {
        extensions.removeIf(e -> e.getExtnId().equals(oid));
        return this;
    }

    X509CertificateHolder sign() {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
        subject.forEach(attribute -> name.addRDN((ASN1ObjectIdentifier) attribute[0], attribute[1]));
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer, serial, notBefore, notAfter, name.build(), key);
        try {
            for (Extension extension : extensions) {
                builder.addExtension(extension);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return builder.build(ca.signer().contentSigner());
    }
}
