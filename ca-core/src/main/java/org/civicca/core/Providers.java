package org.civicca.core;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one Bouncy Castle provider instance that every builder and key factory in the CA is handed. It is passed
 * as an object, never looked up by name, so nothing depends on global provider registration.
 */
public final class Providers {

    public static final Provider BC = new BouncyCastleProvider();

    private Providers() {
    }
}
