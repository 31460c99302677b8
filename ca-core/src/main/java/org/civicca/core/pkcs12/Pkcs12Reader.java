package org.civicca.core.pkcs12;

import java.io.IOException;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.civicca.core.Providers;
import org.civicca.core.key.PrivateKeys;

/**
 * Opens a PKCS#12 file, as written by {@link Pkcs12Writer} or by OpenSSL, Java and NSS: the integrity MAC checked
 * first, then the shrouded key and the certificates, leaf first, checked to belong together.
 */
public final class Pkcs12Reader {

    private static final String WRONG_PASSWORD = "PKCS#12 password is wrong or the file is damaged";

    private Pkcs12Reader() {
    }

    /** Checks the MAC, then decrypts; the leaf is the certificate whose localKeyId matches the key's. */
    public static Pkcs12Contents read(byte[] pfxBytes, char[] password) {
        Pkcs12Contents contents = decrypt(pfxBytes, password);
        if (!PrivateKeys.matches(contents.key(), contents.chain().get(0).getSubjectPublicKeyInfo())) {
            throw new IllegalArgumentException("PKCS#12 private key does not match its certificate");
        }
        return contents;
    }

    /** The MAC comes first, so a wrong password is always reported as such, never as a decryption failure. */
    private static Pkcs12Contents decrypt(byte[] pfxBytes, char[] password) {
        try {
            PKCS12PfxPdu pfx = new PKCS12PfxPdu(pfxBytes);
            if (!pfx.hasMac() || !pfx.isMacValid(new JcePKCS12MacCalculatorBuilderProvider().setProvider(Providers.BC), password)) {
                throw new PKCSException("integrity MAC is missing or does not verify");
            }
            InputDecryptorProvider decryptor = new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(Providers.BC).build(password);
            PrivateKey key = null;
            ASN1Encodable keyId = null;
            String friendlyName = null;
            List<PKCS12SafeBag> certificates = new ArrayList<>();
            for (ContentInfo info : pfx.getContentInfos()) {
                boolean encrypted = info.getContentType().equals(PKCSObjectIdentifiers.encryptedData);
                PKCS12SafeBagFactory bags = encrypted ? new PKCS12SafeBagFactory(info, decryptor) : new PKCS12SafeBagFactory(info);
                for (PKCS12SafeBag bag : bags.getSafeBags()) {
                    if (bag.getBagValue() instanceof PKCS8EncryptedPrivateKeyInfo shrouded && key == null) {
                        key = PrivateKeys.fromPkcs8(shrouded.decryptPrivateKeyInfo(decryptor));
                        keyId = attribute(bag, PKCS12SafeBag.localKeyIdAttribute);
                        ASN1Encodable name = attribute(bag, PKCS12SafeBag.friendlyNameAttribute);
                        friendlyName = name == null ? null : DERBMPString.getInstance(name).getString();
                    } else if (bag.getBagValue() instanceof X509CertificateHolder) {
                        certificates.add(bag);
                    }
                }
            }
            if (key == null || certificates.isEmpty()) {
                throw new PKCSException("no shrouded private key with a certificate");
            }
            return new Pkcs12Contents(key, leafFirst(certificates, keyId), friendlyName);
        } catch (IOException | PKCSException | RuntimeException e) {
            throw new IllegalArgumentException(WRONG_PASSWORD, e);
        }
    }

    /** The certificate carrying the key's localKeyId first, the others in file order (issuers as written). */
    private static List<X509CertificateHolder> leafFirst(List<PKCS12SafeBag> bags, ASN1Encodable keyId) {
        List<X509CertificateHolder> chain = new ArrayList<>();
        for (PKCS12SafeBag bag : bags) {
            X509CertificateHolder certificate = (X509CertificateHolder) bag.getBagValue();
            ASN1Encodable id = attribute(bag, PKCS12SafeBag.localKeyIdAttribute);
            if (keyId != null && keyId.equals(id)) {
                chain.add(0, certificate);
            } else {
                chain.add(certificate);
            }
        }
        return chain;
    }

    private static ASN1Encodable attribute(PKCS12SafeBag bag, ASN1ObjectIdentifier type) {
        return Arrays.stream(bag.getAttributes() == null ? new Attribute[0] : bag.getAttributes())
                .filter(a -> a.getAttrType().equals(type))
                .map(a -> a.getAttrValues().getObjectAt(0))
                .findFirst()
                .orElse(null);
    }
}
