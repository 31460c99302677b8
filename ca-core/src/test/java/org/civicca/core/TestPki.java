package org.civicca.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.civicca.core.agency.Agency;
import org.civicca.core.ca.Authorities;
import org.civicca.core.ca.CaCertificateFactory;
import org.civicca.core.ca.CaDefinition;
import org.civicca.core.ca.CaSubject;
import org.civicca.core.ca.CaUrls;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.csr.CsrParser;
import org.civicca.core.issue.CertificateSigner;
import org.civicca.core.issue.IssuancePipeline;
import org.civicca.core.issue.ProfileGrant;
import org.civicca.core.issue.TimeOrderedSerialNumberGenerator;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.profile.CertificateProfile;
import org.civicca.core.profile.ExtendedKeyUsages;
import org.civicca.core.profile.KeyUsageBit;
import org.civicca.core.profile.ProfileRegistry;
import org.civicca.core.revoke.CertificateStatus;
import org.civicca.core.sign.SoftwareCaSigner;
import org.civicca.core.store.CertificateRecord;
import org.civicca.core.subject.FieldRule;
import org.civicca.core.subject.SubjectBuilder;
import org.civicca.core.subject.SubjectField;
import org.civicca.core.subject.SubjectFields;
import org.civicca.core.subject.SubjectTemplate;

/**
 * Shared test fixtures: keys (the slow RSA ones generated once and cached), CSRs built with Bouncy Castle, a
 * two-level CA hierarchy (EC-P384 root, EC-P256 issuing CA) made by the production factory, the two default
 * profiles, an agency, and the issuance pipeline wired as the service wires it. Nothing is read from disk.
 */
public final class TestPki {

    /** The instant every fixed clock of the tests starts from; deliberately not on a whole second. */
    public static final Instant NOW = Instant.parse("2026-03-02T08:30:15.250Z");
    public static final String BASE_URL = "http://ca.example.test";
    public static final CaUrls URLS = new CaUrls(BASE_URL);
    public static final String ROOT = "vinhphuc-root";
    public static final String ISSUING = "vinhphuc-issuing";
    public static final String COUNTRY = "VN";
    public static final String PROVINCE = "Vĩnh Phúc";
    public static final ASN1ObjectIdentifier PERSONAL_POLICY = new ASN1ObjectIdentifier("2.25.130813195367204737046829868711588870852.1.1");
    public static final ASN1ObjectIdentifier ORGANIZATION_POLICY = new ASN1ObjectIdentifier("2.25.130813195367204737046829868711588870852.1.2");
    public static final SecureRandom RANDOM = new SecureRandom();

    private static final Map<KeyAlgorithm, KeyPair> RSA_KEYS = new EnumMap<>(KeyAlgorithm.class);
    private static Hierarchy hierarchy;

    private TestPki() {
    }

    public static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    public static Clock clock() {
        return clockAt(NOW);
    }

    // ---------------------------------------------------------------- keys

    /** A key pair of the given type; RSA pairs are generated once per size and then reused by every test. */
    public static synchronized KeyPair keyPair(KeyAlgorithm algorithm) {
        if (algorithm.isRsa()) {
            return RSA_KEYS.computeIfAbsent(algorithm, a -> a.generate(RANDOM));
        }
        return algorithm.generate(RANDOM);
    }

    public static KeyPair rsa2048() {
        return keyPair(KeyAlgorithm.RSA_2048);
    }

    public static KeyPair ecP256() {
        return keyPair(KeyAlgorithm.EC_P256);
    }

    public static KeyPair ed25519() {
        return keyPair(KeyAlgorithm.ED25519);
    }

    /** An EC key on any named curve Bouncy Castle knows, including ones the CA refuses (secp192r1, secp256k1). */
    public static KeyPair ecKeyPair(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Providers.BC);
            generator.initialize(new ECGenParameterSpec(curve), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsaKeyPair(int bits, BigInteger exponent) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", Providers.BC);
            generator.initialize(new RSAKeyGenParameterSpec(bits, exponent), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- CSRs

    public static String defaultSignatureAlgorithm(PublicKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException("no default signature algorithm for " + key.getAlgorithm());
        };
    }

    /** A CSR for the key pair, self-signed with the usual algorithm for its key type. */
    public static PKCS10CertificationRequest csr(KeyPair keys) {
        return csr(keys.getPublic(), keys.getPrivate(), defaultSignatureAlgorithm(keys.getPublic()));
    }

    public static PKCS10CertificationRequest csr(KeyPair keys, String signatureAlgorithm) {
        return csr(keys.getPublic(), keys.getPrivate(), signatureAlgorithm);
    }

    /** A CSR for {@code subjectKey} whose signature is made with {@code signingKey}, which need not match. */
    public static PKCS10CertificationRequest csr(PublicKey subjectKey, PrivateKey signingKey, String signatureAlgorithm) {
        try {
            return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=ignored by the CA"), subjectKey)
                    .build(new JcaContentSignerBuilder(signatureAlgorithm).setProvider(Providers.BC).build(signingKey));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String csrPem(KeyPair keys) {
        return pem("CERTIFICATE REQUEST", der(csr(keys)));
    }

    public static byte[] der(PKCS10CertificationRequest request) {
        try {
            return request.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pem(String type, byte[] content) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- CAs

    /** A root and its issuing CA; {@link #hierarchy()}'s pair is created at {@link #NOW}, made once and shared (CAs are immutable). */
    public record Hierarchy(CertificateAuthority root, CertificateAuthority issuing) {

        public Authorities authorities() {
            return new Authorities(List.of(root, issuing));
        }
    }

    public static synchronized Hierarchy hierarchy() {
        if (hierarchy == null) {
            hierarchy = newHierarchy(NOW, 20, 10);
        }
        return hierarchy;
    }

    public static Hierarchy newHierarchy(Instant now, int rootYears, int issuingYears) {
        return newHierarchy(signer(KeyAlgorithm.EC_P384), rootYears, signer(KeyAlgorithm.EC_P256), issuingYears, now);
    }

    /**
     * A root (20 years) and an issuing CA (10 years) that both sign with {@code algorithm}, under the usual names so
     * the profiles find their issuer. Each CA gets a key of its own, never the cached RSA pair that subscribers get,
     * so no CA shares a key (and a key identifier) with another CA or with a certificate it issues.
     */
    public static Hierarchy newHierarchy(KeyAlgorithm algorithm, Instant now) {
        return newHierarchy(freshSigner(algorithm), 20, freshSigner(algorithm), 10, now);
    }

    private static Hierarchy newHierarchy(SoftwareCaSigner rootSigner, int rootYears, SoftwareCaSigner issuingSigner, int issuingYears,
                                          Instant now) {
        CaCertificateFactory factory = caFactory();
        CaDefinition rootDefinition = new CaDefinition(ROOT, caName("Vĩnh Phúc Root CA"), rootSigner.keyAlgorithm(), rootYears,
                Optional.empty(), Duration.ofDays(7));
        CaDefinition issuingDefinition = new CaDefinition(ISSUING, caName("Vĩnh Phúc Issuing CA"), issuingSigner.keyAlgorithm(),
                issuingYears, Optional.of(ROOT), Duration.ofHours(24));
        CertificateAuthority root = factory.createRoot(rootDefinition, rootSigner, now);
        CertificateAuthority issuing = factory.createSubordinate(issuingDefinition, issuingSigner, root, now);
        return new Hierarchy(root, issuing);
    }

    public static SoftwareCaSigner signer(KeyAlgorithm algorithm) {
        return signer(keyPair(algorithm), algorithm);
    }

    /** A signer with a newly generated key, even for RSA (whose {@link #keyPair} is shared). */
    public static SoftwareCaSigner freshSigner(KeyAlgorithm algorithm) {
        return signer(algorithm.generate(RANDOM), algorithm);
    }

    private static SoftwareCaSigner signer(KeyPair keys, KeyAlgorithm algorithm) {
        return new SoftwareCaSigner(keys.getPrivate(), keys.getPublic(), algorithm, RANDOM);
    }

    public static X500Name caName(String commonName) {
        return new CaSubject(COUNTRY, PROVINCE, Optional.empty(), "Ủy ban nhân dân tỉnh Vĩnh Phúc",
                Optional.of("Trung tâm Chứng thực điện tử"), commonName).toX500Name();
    }

    // ---------------------------------------------------------------- profiles, agencies, subjects

    public static CertificateProfile personalProfile() {
        return new CertificateProfile("personal", ISSUING,
                Set.of(KeyAlgorithm.RSA_2048, KeyAlgorithm.RSA_3072, KeyAlgorithm.RSA_4096, KeyAlgorithm.EC_P256,
                        KeyAlgorithm.EC_P384, KeyAlgorithm.ED25519),
                730, 1095,
                Set.of(KeyUsageBit.DIGITAL_SIGNATURE, KeyUsageBit.NON_REPUDIATION),
                Set.of(KeyUsageBit.KEY_ENCIPHERMENT),
                List.of(ExtendedKeyUsages.parse("clientAuth"), ExtendedKeyUsages.parse("emailProtection"),
                        ExtendedKeyUsages.parse("documentSigning")),
                List.of(PERSONAL_POLICY),
                new SubjectTemplate(Set.of(SubjectField.COMMON_NAME, SubjectField.EMAIL, SubjectField.NATIONAL_ID),
                        Set.of(SubjectField.TITLE, SubjectField.UNIT), FieldRule.PERSON_NAME));
    }

    public static CertificateProfile organizationProfile() {
        return new CertificateProfile("organization", ISSUING,
                Set.of(KeyAlgorithm.RSA_2048, KeyAlgorithm.RSA_3072, KeyAlgorithm.RSA_4096, KeyAlgorithm.EC_P256,
                        KeyAlgorithm.EC_P384, KeyAlgorithm.ED25519),
                1095, 1825,
                Set.of(KeyUsageBit.DIGITAL_SIGNATURE, KeyUsageBit.NON_REPUDIATION),
                Set.of(),
                List.of(ExtendedKeyUsages.parse("clientAuth"), ExtendedKeyUsages.parse("documentSigning")),
                List.of(ORGANIZATION_POLICY),
                new SubjectTemplate(Set.of(SubjectField.COMMON_NAME, SubjectField.TAX_CODE, SubjectField.EMAIL),
                        Set.of(SubjectField.UNIT), FieldRule.ORGANIZATION_TEXT));
    }

    /** A profile like personal that admits EC keys only, for the key-policy refusals. */
    public static CertificateProfile ecOnlyProfile() {
        CertificateProfile personal = personalProfile();
        return new CertificateProfile("ec-only", ISSUING, Set.of(KeyAlgorithm.EC_P256, KeyAlgorithm.EC_P384),
                personal.defaultValidityDays(), personal.maxValidityDays(), personal.keyUsage(), personal.rsaOnlyKeyUsage(),
                personal.extendedKeyUsage(), personal.policies(), personal.subject());
    }

    public static ProfileRegistry profiles() {
        return new ProfileRegistry(List.of(personalProfile(), organizationProfile(), ecOnlyProfile()));
    }

    public static Agency agency() {
        return new Agency("so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch", "2500123456", "Vĩnh Yên");
    }

    public static SubjectBuilder subjectBuilder() {
        return new SubjectBuilder(COUNTRY, PROVINCE);
    }

    public static SubjectFields person() {
        return new SubjectFields("Phạm Quang Duy", "duy.pq@Vinhphuc.GOV.vn", "026090001234", null, null, null);
    }

    public static SubjectFields organization() {
        return new SubjectFields("Sở Văn hóa, Thể thao và Du lịch", "vanthu@vinhphuc.gov.vn", null, null, null, "2500123456");
    }

    public static IssuancePipeline pipeline() {
        return new IssuancePipeline(new CsrParser(), subjectBuilder(), new ProfileGrant(URLS), new CertificateSigner(), serials());
    }

    /** Makes CAs as the service does, with this PKI's URLs. */
    public static CaCertificateFactory caFactory() {
        return new CaCertificateFactory(new CertificateSigner(), serials(), URLS);
    }

    private static TimeOrderedSerialNumberGenerator serials() {
        return new TimeOrderedSerialNumberGenerator(Clock.systemUTC(), RANDOM);
    }

    // ---------------------------------------------------------------- stored certificates

    /** A stored, issued certificate without real DER: enough for revocation and CRL entries. */
    public static CertificateRecord record(long serial, String issuer) {
        return new CertificateRecord(new SerialNumber(BigInteger.valueOf(serial)), issuer, "personal", "so-vhttdl", Optional.empty(),
                "fingerprint-" + serial, "CN=Test " + serial, "Test " + serial, Optional.empty(), CertificateStatus.ISSUED,
                NOW.truncatedTo(ChronoUnit.SECONDS), NOW.plus(Duration.ofDays(730)), new byte[] {0x30, 0x00}, Optional.empty(), NOW);
    }

    // ---------------------------------------------------------------- JCA views

    public static X509Certificate jca(X509CertificateHolder certificate) {
        try {
            return jcaCertificate(certificate.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static X509CRL jca(X509CRLHolder crl) {
        try {
            return jcaCrl(crl.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static X509Certificate jcaCertificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static X509CRL jcaCrl(byte[] der) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
