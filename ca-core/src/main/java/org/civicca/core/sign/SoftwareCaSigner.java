package org.civicca.core.sign;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.civicca.core.Providers;
import org.civicca.core.key.KeyAlgorithm;

/** A CA key held in memory, signing through the Bouncy Castle provider. */
public final class SoftwareCaSigner implements CaSigner {

    private final PrivateKey privateKey;
    private final SubjectPublicKeyInfo publicKey;
    private final KeyAlgorithm keyAlgorithm;
    private final JcaContentSignerBuilder builder;
    private final ContentVerifierProvider verifier;

    public SoftwareCaSigner(PrivateKey privateKey, PublicKey publicKey, KeyAlgorithm keyAlgorithm, SecureRandom random) {
        // BC signs several times faster with its own key objects than with keys loaded by another provider.
        this.privateKey = asBouncyCastleKey(privateKey, keyAlgorithm);
        this.publicKey = SubjectPublicKeyInfo.getInstance(publicKey.getEncoded());
        this.keyAlgorithm = keyAlgorithm;
        this.builder = new JcaContentSignerBuilder(keyAlgorithm.signatureAlgorithm()).setProvider(Providers.BC).setSecureRandom(random);
        this.verifier = verifier(this.publicKey, keyAlgorithm);
    }

    @Override
    public ContentSigner contentSigner() {
        try {
            return builder.build(privateKey);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("CA key cannot sign with " + keyAlgorithm.signatureAlgorithm(), e);
        }
    }

    @Override
    public SubjectPublicKeyInfo publicKey() {
        return publicKey;
    }

    @Override
    public ContentVerifierProvider verifier() {
        return verifier;
    }

    @Override
    public KeyAlgorithm keyAlgorithm() {
        return keyAlgorithm;
    }

    private static ContentVerifierProvider verifier(SubjectPublicKeyInfo key, KeyAlgorithm algorithm) {
        try {
            return Verifiers.of(key, algorithm);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("CA public key cannot verify", e);
        }
    }

    private static PrivateKey asBouncyCastleKey(PrivateKey key, KeyAlgorithm algorithm) {
        if (key.getClass().getName().startsWith("org.bouncycastle.")) {
            return key;
        }
        try {
            return KeyFactory.getInstance(algorithm.family(), Providers.BC).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("CA key cannot be converted for signing", e);
        }
    }
}
