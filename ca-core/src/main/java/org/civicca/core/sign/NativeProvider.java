package org.civicca.core.sign;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.Provider;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Amazon Corretto Crypto Provider (native code, several times faster than Bouncy Castle at ECDSA, RSA and key
 * generation) when it is on the class path, its library loads on this platform and it passes its own health checks;
 * empty otherwise, and the caller stays on Bouncy Castle. Handed around as an object, never registered globally.
 */
public final class NativeProvider {

    private static final Logger log = LoggerFactory.getLogger(NativeProvider.class);

    private NativeProvider() {
    }

    public static Optional<Provider> load() {
        try {
            AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
            if (provider.getLoadingError() != null) {
                log.info("Amazon Corretto Crypto Provider does not load here ({}); using Bouncy Castle",
                        provider.getLoadingError().getMessage());
                return Optional.empty();
            }
            provider.assertHealthy();
            return Optional.of(provider);
        } catch (NoClassDefFoundError absent) {
            return Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            log.warn("Amazon Corretto Crypto Provider failed its checks; using Bouncy Castle", e);
            return Optional.empty();
        }
    }
}
