package org.civicca.core.sign;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.civicca.core.key.KeyAlgorithm;

/**
 * A CA key held in memory, signing through Bouncy Castle or the faster provider of {@link SignatureProviders}; the
 * verifier of its own signatures (the self-check) is always Bouncy Castle's.
 */
public final class SoftwareCaSigner implements CaSigner {

    private final PrivateKey privateKey;
    private final SubjectPublicKeyInfo publicKey;
    private final KeyAlgorithm keyAlgorithm;
    private final JcaContentSignerBuilder builder;
    private final ContentVerifierProvider verifier;

    public SoftwareCaSigner(PrivateKey privateKey, PublicKey publicKey, KeyAlgorithm keyAlgorithm, SecureRandom random) {
        this(privateKey, publicKey, keyAlgorithm, random, SignatureProviders.BOUNCY_CASTLE);
    }

    public SoftwareCaSigner(PrivateKey privateKey, PublicKey publicKey, KeyAlgorithm keyAlgorithm, SecureRandom random,
                            SignatureProviders providers) {
        // A provider signs several times faster with its own key objects than with keys loaded by another one.
        this.privateKey = providerKey(privateKey, keyAlgorithm, providers);
        this.publicKey = SubjectPublicKeyInfo.getInstance(publicKey.getEncoded());
        this.keyAlgorithm = keyAlgorithm;
        this.builder = providers.signerBuilder(keyAlgorithm, random);
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

    private static PrivateKey providerKey(PrivateKey key, KeyAlgorithm algorithm, SignatureProviders providers) {
        try {
            return providers.signingKey(key, algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("CA key cannot be converted for signing", e);
        }
    }
}
