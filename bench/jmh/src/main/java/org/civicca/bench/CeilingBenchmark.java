package org.civicca.bench;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.OperatorCreationException;
import org.civicca.core.Providers;
import org.civicca.core.csr.CsrBuilder;
import org.civicca.core.csr.CsrParser;
import org.civicca.core.csr.ParsedCsr;
import org.civicca.core.issue.IssuancePipeline;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.pem.Pem;
import org.civicca.core.sign.NativeProvider;
import org.civicca.core.sign.SignatureProviders;
import org.civicca.core.sign.SoftwareCaSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The raw ceiling and the core pipeline, per CA key type and per provider (Bouncy Castle alone, or the native one the
 * service prefers where it loads): signatures with the CA key ({@code sign}), the self-check of a CA signature with
 * the kept key, always Bouncy Castle ({@code verifyKeptKey}), CSR parse and proof of possession with a fresh key each
 * time ({@code verifyFreshCsr}), and whole certificates through ca-core's IssuancePipeline ({@code pipeline}). Run
 * on 1 and 2 threads with JMH's {@code -t}; bench/ceiling.sh does both and compares the pipeline with its three
 * signature operations.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class CeilingBenchmark {

    /** The CA key and what it signed once, for the signature and self-check benchmarks. */
    @State(Scope.Benchmark)
    public static class Ca {
        @Param({"EC-P256", "EC-P384", "RSA-2048", "Ed25519"})
        public String key;

        /** As {@link SignatureProviders#name()} names it; the native one fails in set-up where its library does not load. */
        @Param({"BC", "AmazonCorrettoCryptoProvider"})
        public String provider;

        final SecureRandom random = new SecureRandom();
        KeyAlgorithm algorithm;
        SignatureProviders providers;
        SoftwareCaSigner signer;
        AlgorithmIdentifier signatureAlgorithm;
        final byte[] tbs = new byte[400];
        byte[] signature;

        @Setup
        public void setUp() throws IOException {
            algorithm = KeyAlgorithm.parse(key);
            providers = providers(provider);
            signer = IssuanceFixture.signer(algorithm, providers, random);
            random.nextBytes(tbs);
            ContentSigner contentSigner = signer.contentSigner();
            signatureAlgorithm = contentSigner.getAlgorithmIdentifier();
            contentSigner.getOutputStream().write(tbs);
            signature = contentSigner.getSignature();
        }

        private static SignatureProviders providers(String name) {
            if (name.equals(Providers.BC.getName())) {
                return SignatureProviders.BOUNCY_CASTLE;
            }
            SignatureProviders providers = NativeProvider.load().map(SignatureProviders::preferring)
                    .orElseThrow(() -> new IllegalStateException("the native provider does not load here"));
            if (!providers.name().equals(name)) {
                throw new IllegalArgumentException("provider " + name + ": expected BC or " + providers.name());
            }
            return providers;
        }
    }

    /** Pre-generated CSRs, each with a key of its own, cycled through so that every proof of possession has a fresh key. */
    @State(Scope.Benchmark)
    public static class Csrs {
        List<String> pems;
        CsrParser parser;

        @Setup
        public void setUp(Ca ca) {
            // Each parse decodes its key anew, so no verification reuses another's key object; fewer RSA keys, as they
            // take long to generate and every fork makes its own.
            int count = ca.algorithm.isRsa() ? 100 : 4000;
            pems = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                pems.add(Pem.certificateRequest(CsrBuilder.build(ca.algorithm.generate(ca.random), ca.algorithm)));
            }
            parser = new CsrParser(ca.providers);
        }
    }

    /** Each thread's place in the CSRs, starting at a random one so that threads do not walk in step. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        @Setup
        public void setUp(Csrs csrs) {
            next = ThreadLocalRandom.current().nextInt(csrs.pems.size());
        }

        String next(Csrs csrs) {
            String pem = csrs.pems.get(next);
            next = next + 1 == csrs.pems.size() ? 0 : next + 1;
            return pem;
        }
    }

    /** ca-core's pipeline under an issuing CA of the key type, signing with the provider. */
    @State(Scope.Benchmark)
    public static class Issuance {
        IssuanceFixture fixture;

        @Setup
        public void setUp(Ca ca) {
            fixture = new IssuanceFixture(ca.algorithm, ca.providers, ca.random);
        }
    }

    @Benchmark
    public byte[] sign(Ca ca) throws IOException {
        ContentSigner signer = ca.signer.contentSigner();
        signer.getOutputStream().write(ca.tbs);
        return signer.getSignature();
    }

    /** As the service checks each certificate it signed: the CA's own Bouncy Castle verifier. */
    @Benchmark
    public void verifyKeptKey(Ca ca) throws IOException, OperatorCreationException {
        ContentVerifier verifier = ca.signer.verifier().get(ca.signatureAlgorithm);
        verifier.getOutputStream().write(ca.tbs);
        if (!verifier.verify(ca.signature)) {
            throw new IllegalStateException("the CA's signature does not verify");
        }
    }

    @Benchmark
    public ParsedCsr verifyFreshCsr(Csrs csrs, Cursor cursor) {
        return csrs.parser.parse(cursor.next(csrs));
    }

    @Benchmark
    public IssuancePipeline.Signed pipeline(Issuance issuance, Csrs csrs, Cursor cursor) {
        return issuance.fixture.issue(cursor.next(csrs));
    }
}
