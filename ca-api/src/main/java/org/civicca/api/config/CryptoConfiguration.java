package org.civicca.api.config;

import org.civicca.core.sign.NativeProvider;
import org.civicca.core.sign.SignatureProviders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses who computes the signatures on the issuance path ({@code ca.crypto.provider}): {@code auto} takes Amazon
 * Corretto Crypto Provider (native code, several times faster than Bouncy Castle at ECDSA and RSA) when its library
 * loads on this platform and passes its own health checks, and Bouncy Castle otherwise; {@code bouncycastle} never
 * uses it. The provider is handed to ca-core as an object, never registered globally.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    @Bean
    SignatureProviders signatureProviders(CaProperties properties) {
        SignatureProviders providers = switch (properties.crypto().provider()) {
            case AUTO -> NativeProvider.load().map(SignatureProviders::preferring).orElse(SignatureProviders.BOUNCY_CASTLE);
            case BOUNCYCASTLE -> SignatureProviders.BOUNCY_CASTLE;
        };
        log.info("CA signatures and CSR proofs of possession by {}; self-checks of what the CA signs by Bouncy Castle",
                providers.name());
        return providers;
    }
}
