package org.civicca.core.pkcs12;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * An AES-256 key derived from a password with PBKDF2-HMAC-SHA256 (RFC 8018) under a fresh random salt, on the JDK's
 * intrinsic SHA-2. PBKDF2 is the costly step of encrypting under a password, so whatever one writer encrypts under the
 * same password (a PKCS#12 file's two bags, a journal's entries) derives the key once; each encryption still draws
 * its own IV ({@link Pbes2Encryptor}).
 */
public final class Pbes2Key {

    private final byte[] salt;
    private final int iterations;
    private final byte[] key;

    private Pbes2Key(byte[] salt, int iterations, byte[] key) {
        this.salt = salt;
        this.iterations = iterations;
        this.key = key;
    }

    public static Pbes2Key derive(char[] password, int iterations, SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password, salt, iterations, 256)).getEncoded();
            return new Pbes2Key(salt, iterations, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
        }
    }

    byte[] salt() {
        return salt;
    }

    int iterations() {
        return iterations;
    }

    byte[] key() {
        return key;
    }
}
