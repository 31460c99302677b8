package org.civicca.core.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.civicca.core.Providers;
import org.civicca.core.TestPki;
import org.civicca.core.key.KeyAlgorithm;
import org.junit.jupiter.api.Test;

class CaCertificateFactoryTests {

    private static final Instant NOT_BEFORE = TestPki.NOW.truncatedTo(ChronoUnit.SECONDS);

    private final TestPki.Hierarchy pki = TestPki.hierarchy();

    @Test
    void makesASelfSignedRootForItsValidityYears() throws Exception {
        X509CertificateHolder root = pki.root().certificate();

        assertThat(root.getIssuer()).isEqualTo(root.getSubject());
        assertThat(root.getSubject()).isEqualTo(TestPki.caName("Vĩnh Phúc Root CA"));
        assertThat(root.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Providers.BC).build(root))).isTrue();
        assertThat(root.getSignatureAlgorithm().getAlgorithm()).isEqualTo(X9ObjectIdentifiers.ecdsa_with_SHA384);
        assertThat(root.getNotBefore().toInstant()).isEqualTo(NOT_BEFORE);
        assertThat(root.getNotAfter().toInstant()).isEqualTo(NOT_BEFORE.atOffset(ZoneOffset.UTC).plusYears(20).toInstant());
        assertThat(pki.root().chain()).containsExactly(root);
    }

    @Test
    void marksTheRootAsAnUnconstrainedCa() {
        X509CertificateHolder root = pki.root().certificate();

        BasicConstraints constraints = BasicConstraints.fromExtensions(root.getExtensions());
        assertThat(constraints.isCA()).isTrue();
        assertThat(constraints.getPathLenConstraint()).isNull();
        assertThat(root.getExtension(Extension.basicConstraints).isCritical()).isTrue();
        assertThat(root.getExtension(Extension.keyUsage).isCritical()).isTrue();
        assertThat(KeyUsage.fromExtensions(root.getExtensions())).isEqualTo(new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        assertThat(SubjectKeyIdentifier.fromExtensions(root.getExtensions())).isNotNull();
        assertThat(root.getExtension(Extension.cRLDistributionPoints)).isNull();
    }

    @Test
    void makesAnIssuingCaSignedByItsParentWithPathLengthZero() throws Exception {
        X509CertificateHolder issuing = pki.issuing().certificate();
        X509CertificateHolder root = pki.root().certificate();

        assertThat(issuing.getIssuer()).isEqualTo(root.getSubject());
        assertThat(issuing.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Providers.BC).build(root))).isTrue();
        assertThat(BasicConstraints.fromExtensions(issuing.getExtensions()).getPathLenConstraint()).isEqualTo(BigInteger.ZERO);
        assertThat(KeyUsage.fromExtensions(issuing.getExtensions())).isEqualTo(new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        assertThat(AuthorityKeyIdentifier.fromExtensions(issuing.getExtensions()).getKeyIdentifierObject().getOctets())
                .isEqualTo(SubjectKeyIdentifier.fromExtensions(root.getExtensions()).getKeyIdentifier());
        assertThat(pki.issuing().chain()).containsExactly(issuing, root);
        assertThat(pki.issuing().notAfter()).isEqualTo(NOT_BEFORE.atOffset(ZoneOffset.UTC).plusYears(10).toInstant());
    }

    @Test
    void pointsTheIssuingCaToItsParentsCrlAndCertificateUnderAnyPolicy() {
        X509CertificateHolder issuing = pki.issuing().certificate();

        String crl = GeneralNames.getInstance(CRLDistPoint.fromExtensions(issuing.getExtensions()).getDistributionPoints()[0]
                .getDistributionPoint().getName()).getNames()[0].getName().toString();
        String caIssuers = AuthorityInformationAccess.fromExtensions(issuing.getExtensions()).getAccessDescriptions()[0]
                .getAccessLocation().getName().toString();

        assertThat(crl).isEqualTo("http://ca.example.test/crl/vinhphuc-root.crl");
        assertThat(caIssuers).isEqualTo("http://ca.example.test/ca/vinhphuc-root.crt");
        assertThat(Arrays.stream(CertificatePolicies.fromExtensions(issuing.getExtensions()).getPolicyInformation())
                .map(PolicyInformation::getPolicyIdentifier).map(Object::toString)).containsExactly("2.5.29.32.0");
    }

    @Test
    void neverLetsAnIssuingCaOutliveItsParent() {
        TestPki.Hierarchy shortRoot = TestPki.newHierarchy(TestPki.NOW, 5, 10);

        assertThat(shortRoot.issuing().notAfter()).isEqualTo(shortRoot.root().notAfter());
        assertThat(shortRoot.root().notAfter()).isEqualTo(NOT_BEFORE.atOffset(ZoneOffset.UTC).plusYears(5).toInstant());
    }

    @Test
    void refusesACaWhoseKeyDoesNotMatchItsCertificate() {
        CertificateAuthority root = pki.root();

        assertThatThrownBy(() -> new CertificateAuthority(root.definition(), TestPki.signer(KeyAlgorithm.EC_P384), root.chain()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key does not match");
    }

    @Test
    void refusesUnsoundDefinitions() {
        assertThatThrownBy(() -> new CaDefinition("Vinhphuc Root", TestPki.caName("x"), KeyAlgorithm.EC_P384, 20, Optional.empty(),
                Duration.ofDays(7))).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> new CaDefinition("vinhphuc-root", TestPki.caName("x"), KeyAlgorithm.EC_P384, 31, Optional.empty(),
                Duration.ofDays(7))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaDefinition("vinhphuc-root", TestPki.caName("x"), KeyAlgorithm.EC_P384, 20, Optional.empty(),
                Duration.ofMinutes(9))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaDefinition("vinhphuc-root", TestPki.caName("x"), KeyAlgorithm.EC_P384, 20,
                Optional.of("vinhphuc-root"), Duration.ofDays(7))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildsUrlsWithoutDoubledSlashes() {
        CaUrls urls = new CaUrls("https://ca.example.test/pki///");

        assertThat(urls.crl("vinhphuc-issuing")).isEqualTo("https://ca.example.test/pki/crl/vinhphuc-issuing.crl");
        assertThat(urls.certificate("vinhphuc-root")).isEqualTo("https://ca.example.test/pki/ca/vinhphuc-root.crt");
        assertThatThrownBy(() -> new CaUrls("ftp://ca.example.test")).isInstanceOf(IllegalArgumentException.class);
    }
}
