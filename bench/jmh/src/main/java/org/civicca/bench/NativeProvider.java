package org.civicca.bench;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.Provider;
import java.util.Optional;

/**
 * The native provider the service prefers with {@code ca.crypto.provider=auto}, on the same terms as ca-api's
 * {@code CryptoConfiguration}: Amazon Corretto Crypto Provider when its library loads here and it passes its own
 * health checks. Its {@link #main} prints the provider's name, or nothing, so that bench/ceiling.sh benchmarks it
 * only where it loads.
 */
public final class NativeProvider {

    private NativeProvider() {
    }

    public static void main(String[] args) {
        load().ifPresent(provider -> System.out.println(provider.getName()));
    }

    static Optional<Provider> load() {
        try {
            AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
            if (provider.getLoadingError() != null) {
                return Optional.empty();
            }
            provider.assertHealthy();
            return Optional.of(provider);
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
