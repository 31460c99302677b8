package org.civicca.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Date;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.TestPki;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.issue.Extensions;
import org.civicca.core.key.KeyAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each way a certificate can break RFC 5280 is named by the checker; what the CA itself makes passes. */
class CertificateRulesTests {

    private static final TestPki.Hierarchy PKI = TestPki.hierarchy();
    private static final CertificateAuthority ISSUING = PKI.issuing();

    @Test
    void theCaCertificatesPass() {
        assertThat(Rfc5280.problems(PKI.root().certificate(), PKI.root().certificate())).isEmpty();
        assertThat(Rfc5280.problems(ISSUING.certificate(), PKI.root().certificate())).isEmpty();
    }

    @Test
    void aCertificateBuiltLikeTheCasPasses() {
        assertThat(Rfc5280.problems(new CertificateForgery(ISSUING, KeyAlgorithm.EC_P256).sign(), ISSUING.certificate())).isEmpty();
    }

    static Stream<Arguments> brokenCertificates() {
        return Stream.of(
                broken("serial zero", KeyAlgorithm.EC_P256, f -> f.serial = BigInteger.ZERO, "serial number must be positive"),
                broken("negative serial", KeyAlgorithm.EC_P256, f -> f.serial = BigInteger.valueOf(-5), "serial number must be positive"),
                broken("21-octet serial", KeyAlgorithm.EC_P256, f -> f.serial = BigInteger.ONE.shiftLeft(160),
                        "serial number is longer than 20 octets"),
                broken("CN as BMPString", KeyAlgorithm.EC_P256, f -> f.subject.set(2, attribute(BCStyle.CN, new DERBMPString("An"))),
                        "subject CN must be a UTF8String or PrintableString"),
                broken("country as UTF8String", KeyAlgorithm.EC_P256, f -> f.subject.set(0, attribute(BCStyle.C, new DERUTF8String("VN"))),
                        "subject C must be a PrintableString"),
                broken("country of three letters", KeyAlgorithm.EC_P256,
                        f -> f.subject.set(0, attribute(BCStyle.C, new DERPrintableString("VNM"))), "subject C must be two upper-case letters"),
                broken("empty organization", KeyAlgorithm.EC_P256, f -> f.subject.set(1, attribute(BCStyle.O, new DERUTF8String(""))),
                        "subject O is empty"),
                broken("issuer name not the CA's", KeyAlgorithm.EC_P256, f -> f.issuer = TestPki.caName("Another CA"),
                        "the issuer name is not the issuing CA's subject"),
                broken("validity beyond the CA's", KeyAlgorithm.EC_P256,
                        f -> f.notAfter = new Time(Date.from(ISSUING.notAfter().plusSeconds(1))), "the validity is not inside the issuing CA's"),
                broken("notAfter before notBefore", KeyAlgorithm.EC_P256, f -> f.notAfter = new Time(Date.from(
                        f.notBefore.getDate().toInstant().minusSeconds(1))), "notBefore is not before notAfter"),
                broken("2030 as GeneralizedTime", KeyAlgorithm.EC_P256, f -> f.notBefore = new Time(new ASN1GeneralizedTime(
                        Date.from(f.notBefore.getDate().toInstant()))), "notBefore before 2050 must be a UTCTime"),
                broken("keyUsage not critical", KeyAlgorithm.EC_P256, f -> f.replace(extension(Extension.keyUsage, false,
                        new KeyUsage(KeyUsage.digitalSignature))), "extension 2.5.29.15 must be critical"),
                broken("subjectKeyIdentifier critical", KeyAlgorithm.EC_P256,
                        f -> f.replace(extension(Extension.subjectKeyIdentifier, true, new DEROctetString(new byte[20]))),
                        "extension 2.5.29.14 must not be critical"),
                broken("no subjectKeyIdentifier", KeyAlgorithm.EC_P256, f -> f.remove(Extension.subjectKeyIdentifier),
                        "subjectKeyIdentifier is missing"),
                broken("no authorityKeyIdentifier", KeyAlgorithm.EC_P256, f -> f.remove(Extension.authorityKeyIdentifier),
                        "authorityKeyIdentifier is missing"),
                broken("authorityKeyIdentifier of another CA", KeyAlgorithm.EC_P256,
                        f -> f.replace(Extensions.authorityKeyIdentifier(PKI.root().certificate())),
                        "authorityKeyIdentifier is not the issuing CA's subjectKeyIdentifier"),
                broken("keyEncipherment on an EC key", KeyAlgorithm.EC_P256, f -> f.replace(Extensions.keyUsage(
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))), "cannot serve"),
                broken("keyAgreement on an Ed25519 key", KeyAlgorithm.ED25519, f -> f.replace(Extensions.keyUsage(
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))), "an EdDSA key (RFC 8410)"),
                broken("keyAgreement on an RSA key", KeyAlgorithm.RSA_2048, f -> f.replace(Extensions.keyUsage(
                        new KeyUsage(KeyUsage.keyAgreement))), "an RSA key"),
                broken("encipherOnly without keyAgreement", KeyAlgorithm.EC_P256, f -> f.replace(Extensions.keyUsage(
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.encipherOnly))), "encipherOnly and decipherOnly need keyAgreement"),
                broken("keyCertSign without cA", KeyAlgorithm.EC_P256, f -> f.replace(Extensions.keyUsage(
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign))), "keyCertSign needs basicConstraints cA"),
                broken("cA without keyCertSign", KeyAlgorithm.EC_P256, f -> f.replace(Extensions.basicConstraints(true, 0)),
                        "a CA certificate needs keyCertSign"),
                broken("cA with basicConstraints not critical", KeyAlgorithm.EC_P256,
                        f -> f.replace(extension(Extension.basicConstraints, false, new BasicConstraints(0))),
                        "basicConstraints must be critical in a CA certificate"),
                broken("no keyUsage", KeyAlgorithm.EC_P256, f -> f.remove(Extension.keyUsage), "keyUsage is missing"),
                broken("an unknown critical extension", KeyAlgorithm.EC_P256,
                        f -> f.extensions.add(extension(new ASN1ObjectIdentifier("1.2.3.4.5"), true, DERNull.INSTANCE)),
                        "critical extension 1.2.3.4.5 is unknown to relying parties"),
                broken("empty subject without a critical subjectAltName", KeyAlgorithm.EC_P256, f -> f.subject.clear(),
                        "a certificate with an empty subject needs a critical subjectAltName"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCertificates")
    void namesWhatIsBroken(String what, KeyAlgorithm key, Consumer<CertificateForgery> breakIt, String problem) {
        CertificateForgery forgery = new CertificateForgery(ISSUING, key);
        breakIt.accept(forgery);

        assertThat(Rfc5280.problems(forgery.sign(), ISSUING.certificate())).anySatisfy(p -> assertThat(p).contains(problem));
    }

    @Test
    void aBrokenCertificateIsRefusedAsASelfCheckFailureNamingItsSerial() {
        CertificateForgery forgery = new CertificateForgery(ISSUING, KeyAlgorithm.EC_P256);
        forgery.remove(Extension.keyUsage);
        X509CertificateHolder certificate = forgery.sign();

        assertThatThrownBy(() -> Rfc5280.require(certificate, ISSUING.certificate()))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SELF_CHECK_FAILED);
                    assertThat(e.getMessage()).isEqualTo("certificate 1234567890abcdef breaks RFC 5280: keyUsage is missing");
                });
    }

    private static Arguments broken(String what, KeyAlgorithm key, Consumer<CertificateForgery> breakIt, String problem) {
        return Arguments.of(what, key, breakIt, problem);
    }

    private static ASN1Encodable[] attribute(ASN1ObjectIdentifier type, ASN1Encodable value) {
        return new ASN1Encodable[] {type, value};
    }

    private static Extension extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            return new Extension(oid, critical, value.toASN1Primitive().getEncoded("DER"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
