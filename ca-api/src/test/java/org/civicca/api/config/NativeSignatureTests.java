package org.civicca.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicca.api.ServiceTest;
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
    }
}
