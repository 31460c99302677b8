package org.civicca.core.pem;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.civicca.core.Providers;
import org.civicca.core.key.PrivateKeys;
import org.civicca.core.pkcs12.Pbes2Encryptor;
import org.civicca.core.pkcs12.Pbes2Key;

/** The only place that reads and writes PEM. */
public final class Pem {

    /** PBKDF2 rounds: OpenSSL 3's default, as in Pkcs12Writer; the passphrases used here are long random secrets. */
    static final int PBKDF2_ITERATIONS = 2048;

    private Pem() {
    }

    public static String certificate(X509CertificateHolder certificate) {
        return write(List.of(new PemObject("CERTIFICATE", encoded(certificate))));
    }

    /** The certificate followed by its issuers, leaf first (RFC 8555 application/pem-certificate-chain order). */
    /** The same as {@link #certificate(X509CertificateHolder)} for a certificate already encoded, without parsing it. */
    public static String certificate(byte[] der) {
        return write(List.of(new PemObject("CERTIFICATE", der)));
    }

    public static String chain(List<X509CertificateHolder> chain) {
        return write(chain.stream().map(c -> new PemObject("CERTIFICATE", encoded(c))).toList());
    }

    public static String crl(X509CRLHolder crl) {
        try {
            return write(List.of(new PemObject("X509 CRL", crl.getEncoded())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String certificateRequest(PKCS10CertificationRequest request) {
        try {
            return write(List.of(new PemObject("CERTIFICATE REQUEST", request.getEncoded())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The key as "ENCRYPTED PRIVATE KEY" (PKCS#8 v1, PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC), the form
     * OpenSSL 3 writes by default, so a key kept on disk is readable by {@code openssl pkey} too.
     */
    public static String encryptedPrivateKey(PrivateKey key, char[] passphrase, SecureRandom random) {
        return encryptedPrivateKey(key, passphraseKey(passphrase, random), random);
    }

    /** The key derived from a passphrase once, for {@link #encryptedPrivateKey(PrivateKey, Pbes2Key, SecureRandom)}. */
    public static Pbes2Key passphraseKey(char[] passphrase, SecureRandom random) {
        return Pbes2Key.derive(passphrase, PBKDF2_ITERATIONS, random);
    }

    /** As {@link #encryptedPrivateKey(PrivateKey, char[], SecureRandom)}, under a key derived earlier (many keys, one passphrase). */
    public static String encryptedPrivateKey(PrivateKey key, Pbes2Key passphraseKey, SecureRandom random) {
        try {
            OutputEncryptor encryptor = Pbes2Encryptor.create(passphraseKey, random);
            PKCS8EncryptedPrivateKeyInfo encrypted = new PKCS8EncryptedPrivateKeyInfoBuilder(PrivateKeys.pkcs8(key)).build(encryptor);
            return write(List.of(new PemObject("ENCRYPTED PRIVATE KEY", encrypted.getEncoded())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reverses {@link #encryptedPrivateKey}; a wrong passphrase or damaged text is an IllegalArgumentException. */
    public static PrivateKey decryptPrivateKey(String pem, char[] passphrase) {
        Object object;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            object = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("encrypted private key PEM cannot be decoded", e);
        }
        if (!(object instanceof PKCS8EncryptedPrivateKeyInfo encrypted)) {
            throw new IllegalArgumentException("PEM text does not hold an ENCRYPTED PRIVATE KEY");
        }
        try {
            return PrivateKeys.fromPkcs8(encrypted.decryptPrivateKeyInfo(decryptors(passphrase)));
        } catch (OperatorCreationException | PKCSException | IOException | RuntimeException e) {
            // A wrong passphrase usually breaks the padding, but now and then yields garbage that fails to parse.
            throw new IllegalArgumentException("private key passphrase is wrong or the PEM is damaged", e);
        }
    }

    private static InputDecryptorProvider decryptors(char[] passphrase) throws OperatorCreationException {
        return new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Providers.BC).build(passphrase);
    }

    /** Exactly one certificate; see {@link #parseCertificates}. */
    public static X509CertificateHolder parseCertificate(String pem) {
        List<X509CertificateHolder> certificates = parseCertificates(pem);
        if (certificates.size() != 1) {
            throw new IllegalArgumentException("expected one certificate, found " + certificates.size());
        }
        return certificates.get(0);
    }

    /** Every CERTIFICATE block of the text in order (a chain comes leaf first); any other block is refused. */
    public static List<X509CertificateHolder> parseCertificates(String pemChain) {
        List<X509CertificateHolder> certificates = new ArrayList<>();
        for (PemObject block : readAll(pemChain)) {
            if (!block.getType().equals("CERTIFICATE")) {
                throw new IllegalArgumentException("expected CERTIFICATE PEM blocks, found " + block.getType());
            }
            try {
                certificates.add(new X509CertificateHolder(block.getContent()));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("PEM block " + (certificates.size() + 1) + " is not an X.509 certificate", e);
            }
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no CERTIFICATE in the PEM text");
        }
        return List.copyOf(certificates);
    }

    /** Reads the first PEM block of the text (type and raw content), or null when there is none. */
    public static PemObject readFirst(String text) throws IOException {
        try (PemReader reader = new PemReader(new StringReader(text))) {
            return reader.readPemObject();
        }
    }

    /** Whether the text contains a PEM armour line at all. */
    public static boolean looksLikePem(String text) {
        return text.contains("-----BEGIN ");
    }

    private static List<PemObject> readAll(String text) {
        List<PemObject> blocks = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(text))) {
            for (PemObject block = reader.readPemObject(); block != null; block = reader.readPemObject()) {
                blocks.add(block);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("PEM text cannot be decoded", e);
        }
        return blocks;
    }

    private static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(List<PemObject> objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (PemObject object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
