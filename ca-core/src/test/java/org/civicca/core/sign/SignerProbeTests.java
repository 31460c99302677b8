package org.civicca.core.sign;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.civicca.core.TestPki;
import org.civicca.core.key.KeyAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The health probe of a CA key: a key that signs what its certificate's key verifies passes, anything else fails. */
class SignerProbeTests {

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "EC_P384", "RSA_2048", "ED25519"})
    void aWorkingKeyPasses(KeyAlgorithm algorithm) {
        assertThatCode(() -> SignerProbe.check(TestPki.signer(algorithm))).doesNotThrowAnyException();
    }

    @Test
    void aPrivateKeyThatDoesNotMatchThePublicKeyFails() {
        KeyPair held = KeyAlgorithm.EC_P256.generate(TestPki.RANDOM);
        KeyPair other = KeyAlgorithm.EC_P256.generate(TestPki.RANDOM);
        SoftwareCaSigner mismatched = new SoftwareCaSigner(other.getPrivate(), held.getPublic(), KeyAlgorithm.EC_P256, TestPki.RANDOM);

        assertThatThrownBy(() -> SignerProbe.check(mismatched)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void aKeyThatCannotSignFails() {
        CaSigner unplugged = new UnpluggedSigner(TestPki.signer(KeyAlgorithm.EC_P256));

        assertThatThrownBy(() -> SignerProbe.check(unplugged)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot sign");
    }

    /** A token that went away: the public half is known, signing throws. */
    private record UnpluggedSigner(CaSigner held) implements CaSigner {

        @Override
        public ContentSigner contentSigner() {
            throw new IllegalStateException("token removed");
        }

        @Override
        public SubjectPublicKeyInfo publicKey() {
            return held.publicKey();
        }

        @Override
        public ContentVerifierProvider verifier() {
            return held.verifier();
        }

        @Override
        public KeyAlgorithm keyAlgorithm() {
            return held.keyAlgorithm();
        }
    }
}
