package org.civicca.core.sign;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.civicca.core.Providers;
import org.civicca.core.key.KeyAlgorithm;

/**
 * Who computes the signatures on the issuance path: Bouncy Castle, or a faster JCA provider (a native one) when the
 * service was given one. The faster provider, where it has the algorithm, makes the CA's signatures and checks the
 * proof of possession of CSRs; everything else, and every key or algorithm it lacks, stays on Bouncy Castle. The
 * self-check of what the CA signed always runs on Bouncy Castle ({@link SoftwareCaSigner#verifier()}), so a
 * signature made by the faster provider is checked by an independent implementation before it leaves the CA.
 */
public final class SignatureProviders {

    /** Bouncy Castle for everything. */
    public static final SignatureProviders BOUNCY_CASTLE = new SignatureProviders(Optional.empty());

    private final Optional<Provider> faster;
    private final Map<KeyAlgorithm, Provider> signing = new EnumMap<>(KeyAlgorithm.class);

    private SignatureProviders(Optional<Provider> faster) {
        this.faster = faster;
        // Decided once: a JCA lookup per signature would cost on the issuance path.
        for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
            signing.put(algorithm, faster.filter(provider -> has(provider, algorithm)).orElse(Providers.BC));
        }
    }

    /** Signs and verifies with {@code provider} where it has the algorithm, with Bouncy Castle otherwise. */
    public static SignatureProviders preferring(Provider provider) {
        return new SignatureProviders(Optional.of(provider));
    }

    /** The provider that signs with keys of this type: the faster one if it has the signature algorithm. */
    public Provider signing(KeyAlgorithm algorithm) {
        return signing.get(algorithm);
    }

    /** The CA key as a key object of {@link #signing}'s provider, so that no signature converts it again. */
    PrivateKey signingKey(PrivateKey key, KeyAlgorithm algorithm) throws GeneralSecurityException {
        return KeyFactory.getInstance(algorithm.family(), signing(algorithm)).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
    }

    /** Builds the CA's content signers with {@link #signing}'s provider; made once per CA key, used per signature. */
    JcaContentSignerBuilder signerBuilder(KeyAlgorithm algorithm, SecureRandom random) {
        return new JcaContentSignerBuilder(algorithm.signatureAlgorithm()).setProvider(signing(algorithm)).setSecureRandom(random);
    }

    /**
     * A verifier for the proof of possession of a CSR whose key {@link org.civicca.core.key.PublicKeyPolicy} classified.
     * The faster provider checks EC keys only, where fresh-key verification costs most; a key it cannot decode (a
     * compressed point, say) goes to Bouncy Castle, so that both accept the same CSRs.
     */
    public ContentVerifierProvider csrVerifier(SubjectPublicKeyInfo key, KeyAlgorithm algorithm) throws OperatorCreationException {
        Provider provider = signing(algorithm);
        if (provider != Providers.BC && algorithm.family().equals("EC")) {
            try {
                // Decoded by family name: providers need not know the key's OID as an alias.
                PublicKey publicKey = KeyFactory.getInstance(algorithm.family(), provider)
                        .generatePublic(new X509EncodedKeySpec(key.getEncoded()));
                return new JcaContentVerifierProviderBuilder().setProvider(provider).build(publicKey);
            } catch (GeneralSecurityException | IOException notDecodable) {
                return Verifiers.of(key, algorithm);
            }
        }
        return Verifiers.of(key, algorithm);
    }

    /** The name of the faster provider, or of Bouncy Castle when there is none. */
    public String name() {
        return faster.orElse(Providers.BC).getName();
    }

    private static boolean has(Provider provider, KeyAlgorithm algorithm) {
        try {
            Signature.getInstance(algorithm.signatureAlgorithm(), provider);
            KeyFactory.getInstance(algorithm.family(), provider);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
