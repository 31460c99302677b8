package org.civicca.core.crl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.civicca.core.SerialNumber;
import org.civicca.core.TestPki;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.revoke.Revocation;
import org.civicca.core.revoke.RevocationReason;
import org.civicca.core.store.RevokedEntry;
import org.junit.jupiter.api.Test;

class CrlBuilderTests {

    private static final Instant THIS_UPDATE = TestPki.NOW;
    private static final Instant NEXT_UPDATE = TestPki.NOW.plus(Duration.ofHours(24)).plusMillis(400);
    private static final Instant REVOKED_AT = Instant.parse("2026-03-01T10:11:12.999Z");
    private static final Instant INVALID_SINCE = Instant.parse("2026-02-27T23:59:59.500Z");

    private final CrlBuilder builder = new CrlBuilder();
    private final TestPki.Hierarchy pki = TestPki.hierarchy();
    private final CertificateAuthority issuing = pki.issuing();

    private final RevokedEntry compromised = entry(0x0a01, RevocationReason.KEY_COMPROMISE, Optional.of(INVALID_SINCE));
    private final RevokedEntry unspecified = entry(0x0a02, RevocationReason.UNSPECIFIED, Optional.empty());
    private final RevokedEntry held = entry(0x0a03, RevocationReason.CERTIFICATE_HOLD, Optional.empty());

    @Test
    void signsACrlThatVerifiesWithTheCaKey() throws Exception {
        X509CRL crl = parsedBack(builder.build(issuing, List.of(compromised), 42, THIS_UPDATE, NEXT_UPDATE));

        crl.verify(TestPki.jca(issuing.certificate()).getPublicKey());
        assertThat(crl.getVersion()).isEqualTo(2);
        assertThat(crl.getIssuerX500Principal()).isEqualTo(TestPki.jca(issuing.certificate()).getSubjectX500Principal());
        assertThat(crl.getSigAlgName()).isEqualTo("SHA256withECDSA");
    }

    @Test
    void doesNotVerifyWithAnotherCasKey() {
        X509CRL crl = parsedBack(builder.build(issuing, List.of(compromised), 42, THIS_UPDATE, NEXT_UPDATE));

        assertThatThrownBy(() -> crl.verify(TestPki.jca(pki.root().certificate()).getPublicKey()))
                .isInstanceOf(SignatureException.class);
    }

    @Test
    void listsEachRevokedSerialWithItsReason() {
        X509CRL crl = parsedBack(builder.build(issuing, List.of(compromised, unspecified, held), 42, THIS_UPDATE, NEXT_UPDATE));

        assertThat(crl.getRevokedCertificates()).extracting(X509CRLEntry::getSerialNumber)
                .containsExactlyInAnyOrder(BigInteger.valueOf(0x0a01), BigInteger.valueOf(0x0a02), BigInteger.valueOf(0x0a03));
        assertThat(crl.getRevokedCertificate(BigInteger.valueOf(0x0a01)).getRevocationReason()).isEqualTo(CRLReason.KEY_COMPROMISE);
        assertThat(crl.getRevokedCertificate(BigInteger.valueOf(0x0a03)).getRevocationReason()).isEqualTo(CRLReason.CERTIFICATE_HOLD);
    }

    @Test
    void leavesOutTheReasonCodeForUnspecified() {
        X509CRLEntry entry = parsedBack(builder.build(issuing, List.of(unspecified), 42, THIS_UPDATE, NEXT_UPDATE))
                .getRevokedCertificate(BigInteger.valueOf(0x0a02));

        assertThat(entry.getRevocationReason()).isNull();
        assertThat(entry.getExtensionValue(Extension.reasonCode.getId())).isNull();
        assertThat(entry.hasExtensions()).isFalse();
    }

    @Test
    void writesTheInvalidityDateAsGeneralizedTimeInWholeSeconds() throws Exception {
        X509CRLEntry entry = parsedBack(builder.build(issuing, List.of(compromised, held), 42, THIS_UPDATE, NEXT_UPDATE))
                .getRevokedCertificate(BigInteger.valueOf(0x0a01));

        ASN1GeneralizedTime invalidity = ASN1GeneralizedTime.getInstance(
                JcaX509ExtensionUtils.parseExtensionValue(entry.getExtensionValue(Extension.invalidityDate.getId())));

        assertThat(invalidity.getDate().toInstant()).isEqualTo(Instant.parse("2026-02-27T23:59:59Z"));
        assertThat(new String(invalidity.getEncoded("DER"), 2, 15, StandardCharsets.US_ASCII)).isEqualTo("20260227235959Z");
        assertThat(invalidity.getEncoded("DER")).hasSize(17);
        assertThat(entry.getExtensionValue(Extension.invalidityDate.getId())).isNotNull();
        assertThat(parsedBack(builder.build(issuing, List.of(held), 42, THIS_UPDATE, NEXT_UPDATE))
                .getRevokedCertificate(BigInteger.valueOf(0x0a03)).getExtensionValue(Extension.invalidityDate.getId())).isNull();
    }

    @Test
    void writesTheRevocationDateInWholeSeconds() {
        X509CRLEntry entry = parsedBack(builder.build(issuing, List.of(compromised), 42, THIS_UPDATE, NEXT_UPDATE))
                .getRevokedCertificate(BigInteger.valueOf(0x0a01));

        assertThat(entry.getRevocationDate().toInstant()).isEqualTo(Instant.parse("2026-03-01T10:11:12Z"));
    }

    @Test
    void carriesTheCrlNumber() throws Exception {
        X509CRL crl = parsedBack(builder.build(issuing, List.of(), 1234567890123L, THIS_UPDATE, NEXT_UPDATE));

        ASN1Integer number = ASN1Integer.getInstance(JcaX509ExtensionUtils.parseExtensionValue(
                crl.getExtensionValue(Extension.cRLNumber.getId())));

        assertThat(number.getValue()).isEqualTo(BigInteger.valueOf(1234567890123L));
        assertThat(crl.getCriticalExtensionOIDs()).isEmpty();
    }

    @Test
    void identifiesTheCaKeyLikeTheCaCertificateDoes() {
        X509CRLHolder crl = builder.build(issuing, List.of(), 1, THIS_UPDATE, NEXT_UPDATE);

        byte[] aki = AuthorityKeyIdentifier.fromExtensions(crl.getExtensions()).getKeyIdentifierObject().getOctets();

        assertThat(aki).isEqualTo(SubjectKeyIdentifier.fromExtensions(issuing.certificate().getExtensions()).getKeyIdentifier());
    }

    @Test
    void truncatesThisUpdateAndNextUpdateToWholeSeconds() {
        X509CRL crl = parsedBack(builder.build(issuing, List.of(), 1, THIS_UPDATE, NEXT_UPDATE));

        assertThat(crl.getThisUpdate().toInstant()).isEqualTo(THIS_UPDATE.truncatedTo(ChronoUnit.SECONDS));
        assertThat(crl.getNextUpdate().toInstant()).isEqualTo(NEXT_UPDATE.truncatedTo(ChronoUnit.SECONDS));
        assertThat(crl.getThisUpdate().getTime() % 1000).isZero();
        assertThat(crl.getNextUpdate().getTime() % 1000).isZero();
    }

    @Test
    void makesAnEmptyCrlWhenNothingIsRevoked() {
        X509CRL crl = parsedBack(builder.build(issuing, List.of(), 1, THIS_UPDATE, NEXT_UPDATE));

        assertThat(crl.getRevokedCertificates()).isNull();
        assertThat(crl.isRevoked(TestPki.jca(issuing.certificate()))).isFalse();
    }

    @Test
    void signsTheRootsCrlWithTheRootKey() throws Exception {
        X509CRL crl = parsedBack(builder.build(pki.root(), List.of(compromised), 3, THIS_UPDATE, NEXT_UPDATE));

        crl.verify(TestPki.jca(pki.root().certificate()).getPublicKey());
        assertThat(crl.getSigAlgName()).isEqualTo("SHA384withECDSA");
    }

    @Test
    void refusesANextUpdateThatDoesNotFollowThisUpdate() {
        assertThatThrownBy(() -> builder.build(issuing, List.of(), 1, THIS_UPDATE, THIS_UPDATE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.build(issuing, List.of(), 1, THIS_UPDATE, THIS_UPDATE.minusSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
        Instant sameSecond = THIS_UPDATE.truncatedTo(ChronoUnit.SECONDS).plusMillis(999);
        assertThatThrownBy(() -> builder.build(issuing, List.of(), 1, THIS_UPDATE, sameSecond))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RevokedEntry entry(long serial, RevocationReason reason, Optional<Instant> invalidity) {
        return new RevokedEntry(new SerialNumber(BigInteger.valueOf(serial)), new Revocation(reason, REVOKED_AT, invalidity));
    }

    private static X509CRL parsedBack(X509CRLHolder crl) {
        try {
            return TestPki.jcaCrl(crl.getEncoded());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
