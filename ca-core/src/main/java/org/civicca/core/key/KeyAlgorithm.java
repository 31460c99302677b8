package org.civicca.core.key;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.Providers;
import org.civicca.core.message.CoreMessage;

/** The key types the CA signs with and accepts from subscribers, each with the signature algorithm that follows it. */
public enum KeyAlgorithm {
    RSA_2048("RSA-2048", "RSA", 2048, "SHA256withRSA"),
    RSA_3072("RSA-3072", "RSA", 3072, "SHA256withRSA"),
    RSA_4096("RSA-4096", "RSA", 4096, "SHA384withRSA"),
    EC_P256("EC-P256", "EC", 256, "SHA256withECDSA"),
    EC_P384("EC-P384", "EC", 384, "SHA384withECDSA"),
    ED25519("Ed25519", "Ed25519", 255, "Ed25519");

    private final String label;
    private final String family;
    private final int bits;
    private final String signatureAlgorithm;

    KeyAlgorithm(String label, String family, int bits, String signatureAlgorithm) {
        this.label = label;
        this.family = family;
        this.bits = bits;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** Accepts the label ({@code EC-P256}) or the constant name ({@code EC_P256}), in any case. */
    public static KeyAlgorithm parse(String text) {
        String wanted = text == null ? "" : text.trim().replace('_', '-');
        return Arrays.stream(values())
                .filter(a -> a.label.equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new CaException(ErrorCode.UNSUPPORTED_KEY, "keyAlgorithm", CoreMessage.KEY_ALGORITHM_ONE_OF, labels()));
    }

    public static String labels() {
        return Arrays.stream(values()).map(KeyAlgorithm::label).collect(Collectors.joining(", "));
    }

    public String label() {
        return label;
    }

    /** JCA family name: RSA, EC or Ed25519. */
    public String family() {
        return family;
    }

    public int bits() {
        return bits;
    }

    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    public boolean isRsa() {
        return family.equals("RSA");
    }

    public KeyPair generate(SecureRandom random) {
        return generate(random, Providers.BC);
    }

    /**
     * A new key pair from {@code provider} (a native one generates EC and RSA keys many times faster than Bouncy
     * Castle in a JVM that has not warmed up), or from Bouncy Castle when that provider lacks this key type.
     */
    public KeyPair generate(SecureRandom random, Provider provider) {
        if (provider != Providers.BC) {
            try {
                return generate(KeyPairGenerator.getInstance(family, provider), random);
            } catch (GeneralSecurityException | UnsupportedOperationException notThere) {
                // Bouncy Castle below (Corretto's Ed25519 generator takes no key size, for one).
            }
        }
        try {
            return generate(KeyPairGenerator.getInstance(family, Providers.BC), random);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate " + label + " key", e);
        }
    }

    private KeyPair generate(KeyPairGenerator generator, SecureRandom random) throws GeneralSecurityException {
        switch (this) {
            case RSA_2048, RSA_3072, RSA_4096 -> generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), random);
            case EC_P256 -> generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            case EC_P384 -> generator.initialize(new ECGenParameterSpec("secp384r1"), random);
            case ED25519 -> generator.initialize(255, random);
        }
        return generator.generateKeyPair();
    }

    @Override
    public String toString() {
        return label;
    }
}
