package org.civicca.core.key;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
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
     * As {@link #matches(PrivateKey, SubjectPublicKeyInfo)} for a pair generated together (a fresh key and its public
     * half): the public key in the same encoding is the pair's without deriving it again; any other encoding is
     * checked the long way.
     */
    public static boolean matches(KeyPair pair, SubjectPublicKeyInfo publicKey) {
        try {
            if (Arrays.equals(pair.getPublic().getEncoded(), publicKey.getEncoded(ASN1Encoding.DER))) {
                return true;
            }
        } catch (IOException e) {
            // Not encodable as it stands: the long way decides.
        }
        return matches(pair.getPrivate(), publicKey);
    }

    /**
     * Whether the private key is the other half of the public key. EC, Ed25519 and RSA CRT keys are checked by deriving
     * the public half from the private one (a fraction of a signature's cost, which adds up over a province's files);
     * any other key by signing a probe and verifying it with the public key. A key of another type or size simply does
     * not match; a public key the CA does not support at all is refused by {@link PublicKeyPolicy} with a CaException.
     */
    public static boolean matches(PrivateKey key, SubjectPublicKeyInfo publicKey) {
        String algorithm = PublicKeyPolicy.classify(publicKey).signatureAlgorithm();
        try {
            AsymmetricKeyParameter expected = PublicKeyFactory.createKey(publicKey);
            AsymmetricKeyParameter actual = PrivateKeyFactory.createKey(PrivateKeyInfo.getInstance(key.getEncoded()));
            if (actual instanceof ECPrivateKeyParameters ec && expected instanceof ECPublicKeyParameters q) {
                ECDomainParameters curve = q.getParameters();
                return sameCurve(ec.getParameters(), curve)
                        && new FixedPointCombMultiplier().multiply(curve.getG(), ec.getD()).normalize().equals(q.getQ());
            }
            if (actual instanceof Ed25519PrivateKeyParameters ed && expected instanceof Ed25519PublicKeyParameters a) {
                return Arrays.equals(ed.generatePublicKey().getEncoded(), a.getEncoded());
            }
            // A key stored without its CRT parts comes back with zeros in their place, its public exponent included.
            if (actual instanceof RSAPrivateCrtKeyParameters rsa && rsa.getPublicExponent().signum() > 0 && expected instanceof RSAKeyParameters n) {
                return rsa.getModulus().equals(n.getModulus()) && rsa.getPublicExponent().equals(n.getExponent());
            }
            return probeVerifies(key, publicKey, algorithm);
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            return false;
        }
    }

    private static boolean sameCurve(ECDomainParameters a, ECDomainParameters b) {
        return a.getCurve().equals(b.getCurve()) && a.getG().equals(b.getG()) && a.getN().equals(b.getN());
    }

    private static boolean probeVerifies(PrivateKey key, SubjectPublicKeyInfo publicKey, String algorithm) {
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
