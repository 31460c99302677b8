import java.security.KeyPair;
import java.security.Provider;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.civicca.core.agency.Agency;
import org.civicca.core.ca.CaCertificateFactory;
import org.civicca.core.ca.CaDefinition;
import org.civicca.core.ca.CaSubject;
import org.civicca.core.ca.CaUrls;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.csr.CsrBuilder;
import org.civicca.core.csr.CsrParser;
import org.civicca.core.issue.CertificateSigner;
import org.civicca.core.issue.IssuancePipeline;
import org.civicca.core.issue.IssuanceRequest;
import org.civicca.core.issue.ProfileGrant;
import org.civicca.core.issue.RandomSerialNumberGenerator;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.pem.Pem;
import org.civicca.core.profile.CertificateProfile;
import org.civicca.core.profile.ExtendedKeyUsages;
import org.civicca.core.profile.KeyUsageBit;
import org.civicca.core.sign.SignatureProviders;
import org.civicca.core.sign.SoftwareCaSigner;
import org.civicca.core.subject.FieldRule;
import org.civicca.core.subject.SubjectBuilder;
import org.civicca.core.subject.SubjectField;
import org.civicca.core.subject.SubjectFields;
import org.civicca.core.subject.SubjectTemplate;

/**
 * The raw ceiling and the core pipeline, in one JVM with the service's own code and providers: per CA key type and
 * per provider (Bouncy Castle alone, then the native provider the service prefers when its library loads here),
 * signatures/s with the CA key, verifications/s with the CA key kept (the self-check, always Bouncy Castle) and with a
 * fresh key per CSR (proof of possession), and whole certificates/s through ca-core's IssuancePipeline (CSR parse +
 * proof of possession + subject + grant + build + sign + self-checks), on 1 and 2 threads; the median of 3 timed runs
 * after a warm-up. Prints one "ceiling KEY OP threads=N ops_per_s=X provider=NAME" line a figure.
 */
public final class Ceiling {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CSRS = 4000;

    public static void main(String[] args) throws Exception {
        List<KeyAlgorithm> keys = args.length > 0 ? List.of(args).stream().map(KeyAlgorithm::parse).toList()
                : List.of(KeyAlgorithm.EC_P256, KeyAlgorithm.EC_P384, KeyAlgorithm.RSA_2048, KeyAlgorithm.ED25519);
        List<SignatureProviders> providers = new ArrayList<>(List.of(SignatureProviders.BOUNCY_CASTLE));
        nativeProvider().map(SignatureProviders::preferring).ifPresent(providers::add);
        for (KeyAlgorithm key : keys) {
            List<String> csrs = csrs(key);
            for (SignatureProviders provider : providers) {
                SoftwareCaSigner ca = signer(key, provider);
                byte[] tbs = new byte[400];
                RANDOM.nextBytes(tbs);
                byte[] signature = sign(ca, tbs);
                CsrParser parser = new CsrParser(provider);
                Pipeline pipeline = new Pipeline(key, provider);
                for (int threads : new int[] {1, 2}) {
                    report(key, "sign", threads, measure(threads, i -> sign(ca, tbs)), provider);
                    report(key, "verify-kept-key", threads, measure(threads, i -> verify(ca.verifier(), ca.publicKey(), tbs, signature)),
                            provider);
                    report(key, "verify-fresh-csr", threads, measure(threads, i -> parser.parse(csrs.get(i % csrs.size()))), provider);
                    report(key, "pipeline", threads, measure(threads, i -> pipeline.issue(csrs.get(i % csrs.size()))), provider);
                }
            }
        }
    }

    /** The native provider the service prefers, when it is on the class path and its library loads here. */
    private static Optional<Provider> nativeProvider() {
        try {
            Class<?> type = Class.forName("com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider");
            Provider provider = (Provider) type.getField("INSTANCE").get(null);
            return type.getMethod("getLoadingError").invoke(provider) == null ? Optional.of(provider) : Optional.empty();
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
    }

    /** ca-core's issuance pipeline with a personal profile under an issuing CA of the key type. */
    private static final class Pipeline {
        private final IssuancePipeline pipeline;
        private final CertificateProfile profile = new CertificateProfile("personal", "bench-issuing", Set.of(KeyAlgorithm.values()),
                730, 1095, Set.of(KeyUsageBit.DIGITAL_SIGNATURE, KeyUsageBit.NON_REPUDIATION), Set.of(KeyUsageBit.KEY_ENCIPHERMENT),
                List.of(ExtendedKeyUsages.parse("clientAuth"), ExtendedKeyUsages.parse("emailProtection")), List.of(),
                new SubjectTemplate(Set.of(SubjectField.COMMON_NAME, SubjectField.EMAIL, SubjectField.NATIONAL_ID),
                        Set.of(SubjectField.TITLE, SubjectField.UNIT), FieldRule.PERSON_NAME));
        private final Agency agency = new Agency("so-tc", "Sở Tài chính", "2561744874", "Vĩnh Yên");
        private final CertificateAuthority issuing;

        Pipeline(KeyAlgorithm key, SignatureProviders provider) {
            pipeline = new IssuancePipeline(new CsrParser(provider), new SubjectBuilder("VN", "Vĩnh Phúc"),
                    new ProfileGrant(new CaUrls("http://ca.test")), new CertificateSigner(), new RandomSerialNumberGenerator(RANDOM));
            Instant now = Instant.now();
            CaCertificateFactory factory = new CaCertificateFactory(new CertificateSigner(), new RandomSerialNumberGenerator(RANDOM),
                    new CaUrls("http://ca.test"));
            CertificateAuthority root = factory.createRoot(new CaDefinition("bench-root", name("Bench Root"), key, 20, Optional.empty(),
                    Duration.ofDays(7)), signer(key, provider), now);
            issuing = factory.createSubordinate(new CaDefinition("bench-issuing", name("Bench Issuing"), key, 10,
                    Optional.of("bench-root"), Duration.ofDays(1)), signer(key, provider), root, now);
        }

        void issue(String csr) {
            SubjectFields subject = new SubjectFields("Nguyễn Thị Ánh", "anh.so-tc@vinhphuc.gov.vn", "026199482708", "Chuyên viên",
                    "Phòng Ngân sách", null);
            IssuanceRequest request = new IssuanceRequest(Optional.empty(), "personal", "so-tc", subject, csr, Optional.empty());
            pipeline.sign(pipeline.check(request, profile, agency), issuing, Instant.now());
        }
    }

    private static org.bouncycastle.asn1.x500.X500Name name(String commonName) {
        return new CaSubject("VN", "Vĩnh Phúc", Optional.empty(), "Ủy ban nhân dân tỉnh Vĩnh Phúc", Optional.empty(), commonName)
                .toX500Name();
    }

    private static SoftwareCaSigner signer(KeyAlgorithm key, SignatureProviders provider) {
        KeyPair keys = key.generate(RANDOM);
        return new SoftwareCaSigner(keys.getPrivate(), keys.getPublic(), key, RANDOM, provider);
    }

    private static List<String> csrs(KeyAlgorithm key) {
        List<String> csrs = new ArrayList<>();
        for (int i = 0; i < (key.family().equals("RSA") ? 400 : CSRS); i++) {
            csrs.add(Pem.certificateRequest(CsrBuilder.build(key.generate(RANDOM), key)));
        }
        return csrs;
    }

    private static byte[] sign(SoftwareCaSigner ca, byte[] tbs) {
        try {
            ContentSigner signer = ca.contentSigner();
            signer.getOutputStream().write(tbs);
            return signer.getSignature();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void verify(ContentVerifierProvider provider, SubjectPublicKeyInfo key, byte[] tbs, byte[] signature) {
        try {
            ContentVerifier verifier = provider.get(signatureAlgorithm(key));
            verifier.getOutputStream().write(tbs);
            if (!verifier.verify(signature)) {
                throw new IllegalStateException("signature does not verify");
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static org.bouncycastle.asn1.x509.AlgorithmIdentifier signatureAlgorithm(SubjectPublicKeyInfo key) {
        String family = key.getAlgorithm().getAlgorithm().getId();
        String name = family.equals("1.2.840.10045.2.1")
                ? (key.getAlgorithm().getParameters().toString().equals("1.3.132.0.34") ? "SHA384withECDSA" : "SHA256withECDSA")
                : family.equals("1.3.101.112") ? "Ed25519" : "SHA256withRSA";
        return new org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder().find(name);
    }

    /** Median ops/s of 3 runs of 1.5 s each, after 2 s of warm-up, with {@code threads} threads. */
    private static double measure(int threads, IntConsumer operation) throws Exception {
        run(threads, operation, Duration.ofSeconds(2));
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rates.add(run(threads, operation, Duration.ofMillis(1500)));
        }
        rates.sort(Double::compare);
        return rates.get(1);
    }

    private static double run(int threads, IntConsumer operation, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    operation.accept(done.getAndIncrement());
                }
            }));
        }
        for (Future<?> future : work) {
            future.get();
        }
        pool.shutdown();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static void report(KeyAlgorithm key, String operation, int threads, double rate, SignatureProviders provider) {
        System.out.printf("ceiling %s %s threads=%d ops_per_s=%.0f provider=%s%n", key.label(), operation, threads, rate, provider.name());
    }
}
