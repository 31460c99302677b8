package org.civicca.core.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.civicca.core.TestPki;
import org.civicca.core.crl.CrlBuilder;
import org.civicca.core.crl.CrlPublisher;
import org.civicca.core.issue.IssuanceRequest;
import org.civicca.core.issue.IssuanceService;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.revoke.RevocationReason;
import org.civicca.core.revoke.RevocationService;
import org.civicca.core.store.CertificateRecord;
import org.civicca.core.store.InMemoryAgencyDirectory;
import org.civicca.core.store.InMemoryCertificateStore;
import org.civicca.core.store.InMemoryCrlStore;
import org.civicca.core.subject.SubjectFields;

/**
 * What the CA emits for one (CA key type, profile) case, made by the production services: the root and issuing CA
 * certificates, a good and a revoked (keyCompromise) subscriber certificate, and the CRLs of both CAs. Everything
 * is made at {@link #NOW}, the real time when the tests start, because the relying-party tools check validity
 * against the machine's clock. Hierarchies (slow for RSA-4096) and cases are made once and shared.
 */
record Emitted(X509CertificateHolder root, X509CertificateHolder issuing, X509CertificateHolder good, X509CertificateHolder revoked,
               X509CRLHolder rootCrl, X509CRLHolder issuingCrl) {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static final Map<KeyAlgorithm, TestPki.Hierarchy> HIERARCHIES = new EnumMap<>(KeyAlgorithm.class);
    private static final Map<String, Emitted> CASES = new HashMap<>();

    static synchronized Emitted by(KeyAlgorithm algorithm, String profile) {
        return CASES.computeIfAbsent(algorithm + "/" + profile, key -> emit(hierarchy(algorithm), algorithm, profile));
    }

    private static synchronized TestPki.Hierarchy hierarchy(KeyAlgorithm algorithm) {
        return HIERARCHIES.computeIfAbsent(algorithm, a -> TestPki.newHierarchy(a, NOW));
    }

    /** The subject fields the profile takes: {@link TestPki#person()} or {@link TestPki#organization()}. */
    static SubjectFields holder(String profile) {
        return profile.equals("personal") ? TestPki.person() : TestPki.organization();
    }

    private static Emitted emit(TestPki.Hierarchy pki, KeyAlgorithm algorithm, String profile) {
        Clock clock = TestPki.clockAt(NOW);
        InMemoryCertificateStore store = new InMemoryCertificateStore();
        IssuanceService issuance = new IssuanceService(TestPki.profiles(), new InMemoryAgencyDirectory(TestPki.agency()),
                pki.authorities(), TestPki.pipeline(), store, clock);
        CertificateRecord good = issue(issuance, algorithm, profile);
        CertificateRecord revoked = issue(issuance, algorithm, profile);
        new RevocationService(store, clock).revoke(revoked.serial(), RevocationReason.KEY_COMPROMISE, Optional.empty());
        CrlPublisher crls = new CrlPublisher(pki.authorities(), store, new InMemoryCrlStore(), new CrlBuilder(), clock);
        return new Emitted(pki.root().certificate(), pki.issuing().certificate(), certificate(good), certificate(revoked),
                crl(crls.publish(TestPki.ROOT).der()), crl(crls.publish(TestPki.ISSUING).der()));
    }

    private static CertificateRecord issue(IssuanceService issuance, KeyAlgorithm algorithm, String profile) {
        IssuanceRequest request = new IssuanceRequest(Optional.empty(), profile, TestPki.agency().code(), holder(profile),
                TestPki.csrPem(TestPki.keyPair(algorithm)), Optional.empty());
        return issuance.issue(request).record();
    }

    private static X509CertificateHolder certificate(CertificateRecord record) {
        try {
            return new X509CertificateHolder(record.der());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X509CRLHolder crl(byte[] der) {
        try {
            return new X509CRLHolder(der);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
