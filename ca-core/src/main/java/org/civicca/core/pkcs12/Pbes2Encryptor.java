package org.civicca.core.pkcs12;

import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.CipherOutputStream;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.operator.OutputEncryptor;

/**
 * PBES2 (RFC 8018): PBKDF2-HMAC-SHA256 and AES-256-CBC, run on the JDK's own implementations, whose SHA-2 uses
 * CPU intrinsics and is several times faster than a pure-Java digest, the cost that dominates writing a
 * province's PKCS#12 files. Bouncy Castle describes the algorithm (its ASN.1 parameters) and uses the stream.
 */
public final class Pbes2Encryptor implements OutputEncryptor {

    private static final AlgorithmIdentifier HMAC_SHA256 = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE);

    private final AlgorithmIdentifier algorithm;
    private final byte[] key;
    private final Cipher cipher;

    private Pbes2Encryptor(AlgorithmIdentifier algorithm, byte[] key, Cipher cipher) {
        this.algorithm = algorithm;
        this.key = key;
        this.cipher = cipher;
    }

    /** Encrypts under a key already derived, with a fresh IV. */
    public static Pbes2Encryptor create(Pbes2Key key, SecureRandom random) {
        byte[] iv = new byte[16];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.key(), "AES"), new IvParameterSpec(iv));
            PBES2Parameters parameters = new PBES2Parameters(
                    new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, new PBKDF2Params(key.salt(), key.iterations(), 32, HMAC_SHA256)),
                    new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv)));
            return new Pbes2Encryptor(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, parameters), key.key(), cipher);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES-CBC", e);
        }
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
    }

    @Override
    public OutputStream getOutputStream(OutputStream out) {
        return new CipherOutputStream(out, cipher);
    }

    @Override
    public GenericKey getKey() {
        return new GenericKey(algorithm, key.clone());
    }
}
