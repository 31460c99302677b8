package org.civicca.core.pkcs12;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.pkcs.PKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.civicca.core.Providers;
import org.civicca.core.key.PrivateKeys;

/**
 * Hands a subscriber their key and certificate chain as one PKCS#12 file, in the form OpenSSL 3 writes by
 * default so that Windows, macOS, browsers (NSS), Java and OpenSSL all import it: key and certificates
 * encrypted with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), an HMAC-SHA256 integrity MAC, and the leaf
 * certificate tied to the key by a localKeyId and a friendlyName. The key is PKCS#8 v1 (see {@link PrivateKeys}).
 */
public final class Pkcs12Writer {

    /**
     * PBKDF2 and MAC rounds: OpenSSL 3's default. The CLI's passwords are 144 random bits, which no amount of
     * stretching makes stronger, while each extra round costs every one of a province's 2,000 files.
     */
    static final int ITERATIONS = 2048;

    private Pkcs12Writer() {
    }

    /**
     * {@code chain} is the key's own certificate first, then its issuers; the friendly name becomes the alias.
     * Give subscribers an ASCII password: JDK 17's keytool cannot open files with any other (OpenSSL and NSS can).
     */
    public static byte[] write(PrivateKey key, List<X509CertificateHolder> chain, String friendlyName, char[] password,
                               SecureRandom random) {
        requireLeaf(chain, friendlyName);
        // A file whose key does not belong to its certificate is useless to the subscriber.
        requireMatch(PrivateKeys.matches(key, chain.get(0).getSubjectPublicKeyInfo()));
        return writeMatched(key, chain, friendlyName, password, random);
    }

    /**
     * As {@link #write(PrivateKey, List, String, char[], SecureRandom)} for a pair generated together, matched to the
     * certificate without deriving its public half again ({@link PrivateKeys#matches(KeyPair, SubjectPublicKeyInfo)}).
     */
    public static byte[] write(KeyPair keys, List<X509CertificateHolder> chain, String friendlyName, char[] password,
                               SecureRandom random) {
        requireLeaf(chain, friendlyName);
        requireMatch(PrivateKeys.matches(keys, chain.get(0).getSubjectPublicKeyInfo()));
        return writeMatched(keys.getPrivate(), chain, friendlyName, password, random);
    }

    private static void requireLeaf(List<X509CertificateHolder> chain, String friendlyName) {
        if (chain.isEmpty() || friendlyName == null || friendlyName.isBlank()) {
            throw new IllegalArgumentException("PKCS#12 needs the key's own certificate and a friendly name");
        }
    }

    private static void requireMatch(boolean matches) {
        if (!matches) {
            throw new IllegalArgumentException("private key does not match the first certificate of the chain");
        }
    }

    private static byte[] writeMatched(PrivateKey key, List<X509CertificateHolder> chain, String friendlyName, char[] password,
                                       SecureRandom random) {
        try {
            SubjectKeyIdentifier keyId = new JcaX509ExtensionUtils().createSubjectKeyIdentifier(chain.get(0).getSubjectPublicKeyInfo());
            DERBMPString name = new DERBMPString(friendlyName);
            // Both bags under one derived key, each with its own IV: PBKDF2 once per file instead of once per bag.
            Pbes2Key bagKey = Pbes2Key.derive(password, ITERATIONS, random);
            PKCS12SafeBagBuilder keyBag = new PKCS12SafeBagBuilder(PrivateKeys.pkcs8(key), Pbes2Encryptor.create(bagKey, random));
            keyBag.addBagAttribute(PKCS12SafeBag.friendlyNameAttribute, name);
            keyBag.addBagAttribute(PKCS12SafeBag.localKeyIdAttribute, keyId);
            PKCS12PfxPdu pfx = new PKCS12PfxPduBuilder()
                    .addEncryptedData(Pbes2Encryptor.create(bagKey, random), certificateBags(chain, name, keyId))
                    .addData(keyBag.build())
                    .build(macBuilder(password, random), password);
            return pfx.getEncoded();
        } catch (GeneralSecurityException | PKCSException | IOException e) {
            throw new IllegalStateException("cannot write the PKCS#12 file", e);
        }
    }

    /** The chain's certificates, the key's own tied to it by the friendly name and the localKeyId. */
    private static PKCS12SafeBag[] certificateBags(List<X509CertificateHolder> chain, DERBMPString name, SubjectKeyIdentifier keyId)
            throws IOException {
        PKCS12SafeBag[] certificates = new PKCS12SafeBag[chain.size()];
        for (int i = 0; i < chain.size(); i++) {
            PKCS12SafeBagBuilder bag = new PKCS12SafeBagBuilder(chain.get(i));
            if (i == 0) {
                bag.addBagAttribute(PKCS12SafeBag.friendlyNameAttribute, name);
                bag.addBagAttribute(PKCS12SafeBag.localKeyIdAttribute, keyId);
            }
            certificates[i] = bag.build();
        }
        return certificates;
    }

    /** The JDK's fast MAC takes ASCII passwords only (as does keytool); others are MACed by Bouncy Castle. */
    private static PKCS12MacCalculatorBuilder macBuilder(char[] password, SecureRandom random) {
        for (char c : password) {
            if (c > 0x7e || c < 0x20) {
                return new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256).setIterationCount(ITERATIONS).setProvider(Providers.BC);
            }
        }
        return new Pkcs12Mac(ITERATIONS, random);
    }
}
