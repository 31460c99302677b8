package org.civicca.bench;

import org.civicca.core.sign.NativeProvider;

/**
 * Prints the name of the native provider the service prefers with {@code ca.crypto.provider=auto} (ca-core's
 * {@link NativeProvider}), or nothing where it does not load, so that bench/lib.sh benchmarks it only there.
 */
public final class NativeProviderName {

    private NativeProviderName() {
    }

    public static void main(String[] args) {
        NativeProvider.load().ifPresent(provider -> System.out.println(provider.getName()));
    }
}
