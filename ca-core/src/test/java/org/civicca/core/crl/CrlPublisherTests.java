package org.civicca.core.crl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.TestPki;
import org.civicca.core.issue.IssuanceRequest;
import org.civicca.core.issue.IssuanceService;
import org.civicca.core.revoke.RevocationReason;
import org.civicca.core.revoke.RevocationService;
import org.civicca.core.store.CertificateRecord;
import org.civicca.core.store.InMemoryAgencyDirectory;
import org.civicca.core.store.InMemoryCertificateStore;
import org.civicca.core.store.InMemoryCrlStore;
import org.junit.jupiter.api.Test;

class CrlPublisherTests {

    private final TestPki.Hierarchy pki = TestPki.hierarchy();
    private final InMemoryCertificateStore certificates = new InMemoryCertificateStore();
    private final InMemoryCrlStore crls = new InMemoryCrlStore();
    private final CrlPublisher publisher = new CrlPublisher(pki.authorities(), certificates, crls, new CrlBuilder(), TestPki.clock());

    @Test
    void numbersEachCaCrlOneAboveTheLast() {
        List<Long> numbers = List.of(publisher.publish(TestPki.ISSUING), publisher.publish(TestPki.ISSUING),
                publisher.publish(TestPki.ISSUING)).stream().map(PublishedCrl::number).toList();

        assertThat(numbers).containsExactly(1L, 2L, 3L);
        assertThat(crls.saved()).extracting(PublishedCrl::number).containsExactly(1L, 2L, 3L);
        assertThat(crls.latest(TestPki.ISSUING).orElseThrow().number()).isEqualTo(3L);
    }

    @Test
    void writesThePublishedNumberIntoTheCrl() throws Exception {
        publisher.publish(TestPki.ISSUING);
        PublishedCrl second = publisher.publish(TestPki.ISSUING);

        X509CRL crl = TestPki.jcaCrl(second.der());
        ASN1Integer number = ASN1Integer.getInstance(JcaX509ExtensionUtils.parseExtensionValue(
                crl.getExtensionValue(Extension.cRLNumber.getId())));

        assertThat(number.getValue()).isEqualTo(BigInteger.valueOf(second.number()));
        crl.verify(TestPki.jca(pki.issuing().certificate()).getPublicKey());
    }

    @Test
    void keepsASeparateSequencePerCa() {
        publisher.publish(TestPki.ISSUING);
        publisher.publish(TestPki.ISSUING);

        PublishedCrl root = publisher.publish(TestPki.ROOT);

        assertThat(root.number()).isEqualTo(1L);
        assertThat(root.caName()).isEqualTo(TestPki.ROOT);
        assertThat(crls.latest(TestPki.ISSUING).orElseThrow().number()).isEqualTo(2L);
        assertThat(crls.latest(TestPki.ROOT)).contains(root);
    }

    @Test
    void isValidFromNowForTheCasCrlValidity() {
        Instant thisUpdate = TestPki.NOW.truncatedTo(ChronoUnit.SECONDS);

        PublishedCrl issuing = publisher.publish(TestPki.ISSUING);
        PublishedCrl root = publisher.publish(TestPki.ROOT);

        assertThat(issuing.thisUpdate()).isEqualTo(thisUpdate);
        assertThat(issuing.nextUpdate()).isEqualTo(thisUpdate.plus(Duration.ofHours(24)));
        assertThat(root.nextUpdate()).isEqualTo(thisUpdate.plus(Duration.ofDays(7)));
        X509CRL crl = TestPki.jcaCrl(issuing.der());
        assertThat(crl.getThisUpdate().toInstant()).isEqualTo(issuing.thisUpdate());
        assertThat(crl.getNextUpdate().toInstant()).isEqualTo(issuing.nextUpdate());
    }

    @Test
    void listsTheCertificatesRevokedOrHeldAndNoOthers() {
        IssuanceService issuance = new IssuanceService(TestPki.profiles(), new InMemoryAgencyDirectory(TestPki.agency()),
                pki.authorities(), TestPki.pipeline(), certificates, TestPki.clock());
        RevocationService revocation = new RevocationService(certificates, TestPki.clock());
        X509Certificate compromised = issue(issuance);
        X509Certificate held = issue(issuance);
        X509Certificate good = issue(issuance);
        revocation.revoke(serial(compromised), RevocationReason.KEY_COMPROMISE, Optional.of(TestPki.NOW.minusSeconds(3600)));
        revocation.revoke(serial(held), RevocationReason.CERTIFICATE_HOLD, Optional.empty());

        X509CRL first = TestPki.jcaCrl(publisher.publish(TestPki.ISSUING).der());

        assertThat(first.isRevoked(compromised)).isTrue();
        assertThat(first.isRevoked(held)).isTrue();
        assertThat(first.isRevoked(good)).isFalse();
        assertThat(first.getRevokedCertificates()).hasSize(2);
        assertThat(TestPki.jcaCrl(publisher.publish(TestPki.ROOT).der()).getRevokedCertificates()).isNull();

        revocation.release(serial(held));
        X509CRL second = TestPki.jcaCrl(publisher.publish(TestPki.ISSUING).der());

        assertThat(second.isRevoked(compromised)).isTrue();
        assertThat(second.isRevoked(held)).isFalse();
        assertThat(second.getRevokedCertificates()).hasSize(1);
    }

    @Test
    void usesTheClockItIsGiven() {
        Instant later = Instant.parse("2027-01-15T00:00:00.999Z");
        CrlPublisher late = new CrlPublisher(pki.authorities(), certificates, crls, new CrlBuilder(), Clock.fixed(later, ZoneOffset.UTC));

        PublishedCrl crl = late.publish(TestPki.ISSUING);

        assertThat(crl.thisUpdate()).isEqualTo(Instant.parse("2027-01-15T00:00:00Z"));
        assertThat(TestPki.jcaCrl(crl.der()).getThisUpdate().toInstant()).isEqualTo(crl.thisUpdate());
    }

    @Test
    void refusesAnUnknownCa() {
        assertThatThrownBy(() -> publisher.publish("vinhphuc-other"))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_CA);
                    assertThat(e.field()).contains("ca");
                });
        assertThat(crls.saved()).isEmpty();
    }

    @Test
    void handsOutACopyOfTheDer() {
        PublishedCrl crl = publisher.publish(TestPki.ISSUING);
        byte[] der = crl.der();
        der[0] = 0;

        assertThat(crl.der()[0]).isEqualTo((byte) 0x30);
    }

    private static X509Certificate issue(IssuanceService issuance) {
        CertificateRecord record = issuance.issue(new IssuanceRequest(Optional.empty(), "personal", "so-vhttdl", TestPki.person(),
                TestPki.csrPem(TestPki.ecP256()), Optional.empty())).record();
        return TestPki.jcaCertificate(record.der());
    }

    private static org.civicca.core.SerialNumber serial(X509Certificate certificate) {
        return new org.civicca.core.SerialNumber(certificate.getSerialNumber());
    }
}
