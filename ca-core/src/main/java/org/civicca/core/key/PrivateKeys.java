package org.civicca.core.key;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.SignatureException;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.civicca.core.Providers;

/** Private keys leaving the JVM (encrypted PEM, PKCS#12) as PKCS#8 and coming back, and whether a key fits a certificate. */
public final class PrivateKeys {

    private static final byte[] PROBE = "CivicCA key pair check".getBytes(StandardCharsets.US_ASCII);

    private PrivateKeys() {
    }

    /**
     * The key as PKCS#8 v1. Bouncy Castle writes Ed25519 keys as v2 (RFC 5958, with the public key), which
     * OpenSSL before 3.5 refuses to read; RFC 8410 section 7 advises v1 for the widest import, and the public
     * key is derived from the private one anyway.
     */
    public static PrivateKeyInfo pkcs8(PrivateKey key) {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        if (!info.hasPublicKey()) {
            return info;
        }
        try {
            return new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), info.parsePrivateKey(), info.getAttributes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot re-encode the " + key.getAlgorithm() + " private key", e);
        }
    }

    /**
     * Whether the private key is the other half of the public key: a probe signed with one verifies with the
     * other. A key of another type or size simply does not match; a public key the CA does not support at all
     * is refused by {@link PublicKeyPolicy} with a CaException.
     */
    public static boolean matches(PrivateKey key, SubjectPublicKeyInfo publicKey) {
        String algorithm = PublicKeyPolicy.classify(publicKey).signatureAlgorithm();
        try {
            Signature signer = Signature.getInstance(algorithm, Providers.BC);
            signer.initSign(key);
            signer.update(PROBE);
            Signature verifier = Signature.getInstance(algorithm, Providers.BC);
            verifier.initVerify(new JcaPEMKeyConverter().setProvider(Providers.BC).getPublicKey(publicKey));
            verifier.update(PROBE);
            return verifier.verify(signer.sign());
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        } catch (NoSuchAlgorithmException | PEMException e) {
            throw new IllegalStateException("cannot check a " + algorithm + " key pair", e);
        }
    }

    /** A JCA key from PKCS#8, with the family names of {@link KeyAlgorithm} ("EC", not BC's "ECDSA"). */
    public static PrivateKey fromPkcs8(PrivateKeyInfo info) throws PEMException {
        return new JcaPEMKeyConverter()
                .setProvider(Providers.BC)
                .setAlgorithmMapping(X9ObjectIdentifiers.id_ecPublicKey, "EC")
                .getPrivateKey(info);
    }
}
