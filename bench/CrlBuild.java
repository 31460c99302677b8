import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.bouncycastle.cert.X509CRLHolder;
import org.civicca.core.SerialNumber;
import org.civicca.core.ca.CaCertificateFactory;
import org.civicca.core.ca.CaDefinition;
import org.civicca.core.ca.CaSubject;
import org.civicca.core.ca.CaUrls;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.crl.CrlBuilder;
import org.civicca.core.issue.CertificateSigner;
import org.civicca.core.issue.TimeOrderedSerialNumberGenerator;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.revoke.Revocation;
import org.civicca.core.revoke.RevocationReason;
import org.civicca.core.sign.SoftwareCaSigner;
import org.civicca.core.store.RevokedEntry;

/**
 * Time and heap to build, sign and self-check (signature and RFC 5280) a CRL of N entries with ca-core's CrlBuilder,
 * EC P-256 CA, random 16-octet serials, reason codes as the service writes them, revocation times spread over one
 * day (86,400 distinct seconds, as after a mass revocation). Run with the service's -Xmx512m.
 * Prints "crl entries=N seconds=S heap_mb=H bytes=B" per size: the median time of 3 builds, the most heap in use seen.
 */
public final class CrlBuild {

    public static void main(String[] args) throws Exception {
        SecureRandom random = new SecureRandom();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        KeyPair keys = KeyAlgorithm.EC_P256.generate(random);
        SoftwareCaSigner signer = new SoftwareCaSigner(keys.getPrivate(), keys.getPublic(), KeyAlgorithm.EC_P256, random);
        CaCertificateFactory factory = new CaCertificateFactory(new CertificateSigner(),
                new TimeOrderedSerialNumberGenerator(Clock.systemUTC(), random),
                new CaUrls("http://ca.test"));
        CertificateAuthority ca = factory.createRoot(new CaDefinition("bench-ca", new CaSubject("VN", "Vĩnh Phúc", Optional.empty(),
                "Ủy ban nhân dân tỉnh Vĩnh Phúc", Optional.empty(), "Bench CA").toX500Name(), KeyAlgorithm.EC_P256, 10, Optional.empty(),
                Duration.ofDays(1)), signer, now.minusSeconds(3600));
        RevocationReason[] reasons = {RevocationReason.KEY_COMPROMISE, RevocationReason.SUPERSEDED, RevocationReason.CESSATION_OF_OPERATION,
                RevocationReason.AFFILIATION_CHANGED, RevocationReason.UNSPECIFIED};
        CrlBuilder builder = new CrlBuilder();
        for (String arg : args.length > 0 ? args : new String[] {"10000", "100000", "1000000"}) {
            int size = Integer.parseInt(arg);
            List<RevokedEntry> entries = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                entries.add(new RevokedEntry(new SerialNumber(new BigInteger(127, random).setBit(126)),
                        new Revocation(reasons[i % reasons.length], now.minusSeconds(i % 86_400), Optional.empty())));
            }
            System.gc();
            long baseline = heapUsed();
            HeapSampler sampler = new HeapSampler();
            List<Double> times = new ArrayList<>();
            int bytes = 0;
            for (int run = 0; run < 3; run++) {
                long start = System.nanoTime();
                X509CRLHolder crl = builder.build(ca, entries, run + 1, now, now.plus(Duration.ofDays(1)), OptionalLong.of(run));
                times.add((System.nanoTime() - start) / 1e9);
                bytes = crl.getEncoded().length;
            }
            times.sort(Double::compare);
            System.out.printf("crl entries=%d seconds=%.2f heap_mb=%d entries_heap_mb=%d bytes=%d%n", size, times.get(1),
                    sampler.stop() / 1_048_576, baseline / 1_048_576, bytes);
        }
    }

    /** The most heap in use seen while it runs, sampled every millisecond (garbage not yet collected included). */
    private static final class HeapSampler {
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long max;

        HeapSampler() {
            thread = new Thread(() -> {
                while (running) {
                    max = Math.max(max, heapUsed());
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return max;
        }
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
