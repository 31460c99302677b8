package org.civicca.api.audit;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.civicca.api.config.StartupLock;
import org.civicca.core.Providers;
import org.civicca.core.issue.CertificateSigner;
import org.civicca.core.issue.CertificateTemplate;
import org.civicca.core.issue.Extensions;
import org.civicca.core.issue.SerialNumberGenerator;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.sign.Pkcs12KeyStore;
import org.civicca.core.sign.SoftwareCaSigner;
import org.springframework.stereotype.Component;

/**
 * The key that signs the audit chain's head, kept in the CA keystore beside the CA keys (alias {@code audit-signing},
 * EC P-256, with a self-signed certificate that publishes its public key). Created on first start, loaded after.
 */
@Component
public class AuditKey {

    static final String ALIAS = "audit-signing";
    static final KeyAlgorithm ALGORITHM = KeyAlgorithm.EC_P256;

    private final PrivateKey privateKey;
    private final X509CertificateHolder certificate;

    AuditKey(Pkcs12KeyStore keyStore, StartupLock lock, CertificateSigner signer, SerialNumberGenerator serials, SecureRandom random,
             Clock clock) throws CertificateException {
        if (keyStore.privateKey(ALIAS).isEmpty()) {
            lock.holding(() -> createIfAbsent(keyStore, signer, serials, random, clock));
        }
        this.privateKey = keyStore.privateKey(ALIAS).orElseThrow();
        X509Certificate stored = keyStore.certificate(ALIAS).orElseThrow();
        this.certificate = new JcaX509CertificateHolder(stored);
    }

    private static boolean createIfAbsent(Pkcs12KeyStore keyStore, CertificateSigner signer, SerialNumberGenerator serials,
                                          SecureRandom random, Clock clock) {
        keyStore.reload();
        if (keyStore.privateKey(ALIAS).isPresent()) {
            return false;
        }
        KeyPair keys = ALGORITHM.generate(random);
        X509CertificateHolder created = selfSigned(keys, signer, serials, random, clock.instant());
        try {
            keyStore.put(ALIAS, keys.getPrivate(), List.of(new JcaX509CertificateConverter().getCertificate(created)));
        } catch (CertificateException e) {
            throw new IllegalStateException("the audit key's certificate cannot be converted", e);
        }
        return true;
    }

    public X509CertificateHolder certificate() {
        return certificate;
    }

    byte[] sign(byte[] content) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM.signatureAlgorithm(), Providers.BC);
            signature.initSign(privateKey);
            signature.update(content);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the audit key cannot sign", e);
        }
    }

    private static X509CertificateHolder selfSigned(KeyPair keys, CertificateSigner signer, SerialNumberGenerator serials,
                                                    SecureRandom random, Instant now) {
        X500Name name = new X500Name("CN=CivicCA audit signing");
        SoftwareCaSigner self = new SoftwareCaSigner(keys.getPrivate(), keys.getPublic(), ALGORITHM, random);
        Instant from = now.truncatedTo(ChronoUnit.SECONDS);
        CertificateTemplate template = new CertificateTemplate(name, self.publicKey(), from,
                from.atOffset(ZoneOffset.UTC).plusYears(30).toInstant(),
                List.of(Extensions.basicConstraints(false, null), Extensions.keyUsage(new KeyUsage(KeyUsage.digitalSignature)),
                        Extensions.subjectKeyIdentifier(self.publicKey())));
        return signer.sign(name, self, serials.next(), template);
    }
}
