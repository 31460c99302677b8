package org.civicca.core.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPrivateKeySpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.civicca.core.Providers;
import org.civicca.core.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PrivateKeysTests {

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void encodesVersionOnePkcs8WithoutThePublicKey(KeyAlgorithm algorithm) {
        PrivateKeyInfo info = PrivateKeys.pkcs8(TestPki.keyPair(algorithm).getPrivate());

        assertThat(info.getVersion().intValueExact()).isZero();
        assertThat(info.hasPublicKey()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void givesBackAKeyThatSignsForTheOriginalPublicKey(KeyAlgorithm algorithm) throws Exception {
        KeyPair keys = TestPki.keyPair(algorithm);

        PrivateKey key = PrivateKeys.fromPkcs8(PrivateKeys.pkcs8(keys.getPrivate()));

        assertThat(key.getAlgorithm()).isEqualTo(algorithm.family());
        Signature signer = Signature.getInstance(algorithm.signatureAlgorithm(), Providers.BC);
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        Signature verifier = Signature.getInstance(algorithm.signatureAlgorithm(), Providers.BC);
        verifier.initVerify(keys.getPublic());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signer.sign())).isTrue();
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void matchesOnlyTheOtherHalfOfItsKeyPair(KeyAlgorithm algorithm) {
        KeyPair keys = TestPki.keyPair(algorithm);
        SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());

        assertThat(PrivateKeys.matches(keys.getPrivate(), publicKey)).isTrue();
        assertThat(PrivateKeys.matches(TestPki.ecP256().getPrivate(), publicKey)).isFalse();
        assertThat(PrivateKeys.matches(TestPki.ed25519().getPrivate(), publicKey)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void aKeyOfTheSameTypeFromAnotherPairDoesNotMatch(KeyAlgorithm algorithm) {
        SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(TestPki.keyPair(algorithm).getPublic().getEncoded());

        assertThat(PrivateKeys.matches(algorithm.generate(TestPki.RANDOM).getPrivate(), publicKey)).isFalse();
    }

    @Test
    void anRsaKeyWithoutItsCrtPartsIsCheckedBySigning() throws Exception {
        KeyPair keys = TestPki.keyPair(KeyAlgorithm.RSA_2048);
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) keys.getPrivate();
        PrivateKey bare = KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateKeySpec(crt.getModulus(), crt.getPrivateExponent()));
        SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());

        assertThat(PrivateKeys.matches(bare, publicKey)).isTrue();
        assertThat(PrivateKeys.matches(bare, SubjectPublicKeyInfo.getInstance(
                KeyAlgorithm.RSA_2048.generate(TestPki.RANDOM).getPublic().getEncoded()))).isFalse();
    }
}
