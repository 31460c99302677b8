package org.civicca.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.civicca.api.ServiceTest;
import org.civicca.core.csr.CsrBuilder;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.sign.SignatureProviders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On the platform this build targets (Linux x86-64) the default configuration signs with the native provider, so
 * every other test of the service, the relying-party tools' among them, runs against signatures it made.
 */
class NativeSignatureTests extends ServiceTest {

    @Autowired
    SignatureProviders providers;

    @Test
    void theNativeProviderSignsByDefault() {
        assertThat(providers.name()).isEqualTo("AmazonCorrettoCryptoProvider");
        assertThat(providers.signing(KeyAlgorithm.EC_P256).getName()).isEqualTo("AmazonCorrettoCryptoProvider");
    }

    @Test
    void theNativeProviderChecksTheProofOfPossessionOfEcCsrs() throws Exception {
        KeyPair keys = KeyAlgorithm.EC_P256.generate(new SecureRandom());
        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());

        ContentVerifierProvider verifier = providers.csrVerifier(key, KeyAlgorithm.EC_P256);

        assertThat(verifier.getClass().getName()).as("not Bouncy Castle's fallback")
                .startsWith(JcaContentVerifierProviderBuilder.class.getName());
        assertThat(CsrBuilder.build(keys, KeyAlgorithm.EC_P256).isSignatureValid(verifier)).isTrue();
    }
}
