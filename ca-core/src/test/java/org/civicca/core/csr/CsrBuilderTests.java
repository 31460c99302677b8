package org.civicca.core.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.Provider;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.civicca.core.TestPki;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.key.PrivateKeys;
import org.civicca.core.sign.NativeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CsrBuilderTests {

    private final CsrParser parser = new CsrParser();

    /** As the CLI makes subscribers' keys: by the native provider where it has the key type, Bouncy Castle otherwise. */
    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "EC_P384", "RSA_2048", "ED25519"})
    void keysAndRequestsFromTheNativeProviderPassTheCaChecksAndGoIntoAPkcs12File(KeyAlgorithm algorithm) throws Exception {
        Provider provider = NativeProvider.load().orElseThrow();
        KeyPair keys = algorithm.generate(TestPki.RANDOM, provider);

        ParsedCsr parsed = parser.parse(CsrBuilder.pem(CsrBuilder.build(keys, algorithm, provider)));

        assertThat(parsed.keyAlgorithm()).isEqualTo(algorithm);
        assertThat(parsed.publicKey()).isEqualTo(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
        assertThat(PrivateKeys.matches(keys.getPrivate(), parsed.publicKey())).isTrue();
        assertThat(PrivateKeys.matches(PrivateKeys.fromPkcs8(PrivateKeys.pkcs8(keys.getPrivate())), parsed.publicKey())).isTrue();
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void buildsARequestTheCaAcceptsForEveryKeyType(KeyAlgorithm algorithm) {
        KeyPair keys = TestPki.keyPair(algorithm);

        PKCS10CertificationRequest request = CsrBuilder.build(keys, algorithm);
        ParsedCsr parsed = parser.parse(CsrBuilder.pem(request));

        assertThat(parsed.keyAlgorithm()).isEqualTo(algorithm);
        assertThat(parsed.publicKey()).isEqualTo(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
        assertThat(parsed.der()).isEqualTo(TestPki.der(request));
        assertThat(parsed.request().getSignatureAlgorithm())
                .isEqualTo(new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm.signatureAlgorithm()));
        assertThat(parsed.request().getSubject()).isEqualTo(CsrBuilder.PLACEHOLDER_SUBJECT);
    }

    @Test
    void writesCertificateRequestPem() {
        String pem = CsrBuilder.pem(CsrBuilder.build(TestPki.ecP256(), KeyAlgorithm.EC_P256));

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE REQUEST-----").contains("-----END CERTIFICATE REQUEST-----");
    }

    @Test
    void putsTheGivenSubjectInTheRequest() {
        X500Name subject = new X500Name("CN=Nguyễn Thị Ánh");

        PKCS10CertificationRequest request = CsrBuilder.build(TestPki.ed25519(), KeyAlgorithm.ED25519, subject);

        assertThat(parser.parse(CsrBuilder.pem(request)).request().getSubject()).isEqualTo(subject);
    }

    @Test
    void refusesAKeyOfAnotherTypeThanTheAlgorithmNamed() {
        assertThatThrownBy(() -> CsrBuilder.build(TestPki.ecP256(), KeyAlgorithm.EC_P384))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key pair is EC-P256, not EC-P384");
        assertThatThrownBy(() -> CsrBuilder.build(TestPki.rsa2048(), KeyAlgorithm.ED25519))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key pair is RSA-2048, not Ed25519");
    }
}
