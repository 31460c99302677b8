package org.civicca.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.civicca.core.Providers;
import org.civicca.core.TestPki;
import org.civicca.core.key.KeyAlgorithm;
import org.junit.jupiter.api.Test;

/** Every kind of tampering is named at the first entry it breaks. */
class ChainVerifierTests {

    private final KeyPair auditKey = TestPki.ecP256();
    private final ChainVerifier verifier = new ChainVerifier(auditKey.getPublic(), KeyAlgorithm.EC_P256);

    @Test
    void anUntouchedChainWithItsCheckpointIsIntact() {
        List<ChainedEntry> chain = chain(6);

        ChainVerification verdict = verifier.verify(chain.iterator(), List.of(checkpoint(chain.get(3))));

        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.entries()).isEqualTo(6);
        assertThat(verdict.checkpoints()).isEqualTo(1);
    }

    @Test
    void anAlteredEntryIsNamed() {
        List<ChainedEntry> chain = chain(6);
        ChainedEntry third = chain.get(2);
        AuditEntry e = third.entry();
        chain.set(2, new ChainedEntry(new AuditEntry(e.sequence(), e.occurredAt(), "someone.else", e.tokenId(), e.sourceAddress(), e.action(),
                e.target(), e.outcome(), e.requestId(), e.detail()), third.previousHash(), third.hash()));

        assertBroken(verifier.verify(chain.iterator(), List.of()), 3, "altered");
    }

    @Test
    void aDeletedEntryIsNamed() {
        List<ChainedEntry> chain = chain(6);
        chain.remove(3);

        assertBroken(verifier.verify(chain.iterator(), List.of()), 4, "deleted");
    }

    @Test
    void anInsertedEntryIsNamedEvenWithAValidOwnHash() {
        List<ChainedEntry> chain = chain(6);
        ChainedEntry original = chain.get(2);
        AuditEntry forged = new AuditEntry(3, original.entry().occurredAt(), "forger", null, "127.0.0.1", "certificate.issued", "ff",
                "ok", null, "forged");
        chain.add(3, new ChainedEntry(forged, original.hash(), AuditChain.hash(original.hash(), forged)));

        assertBroken(verifier.verify(chain.iterator(), List.of()), 3, "inserted");
    }

    @Test
    void swappedEntriesAreNamed() {
        List<ChainedEntry> chain = chain(6);
        ChainedEntry a = chain.get(2);
        ChainedEntry b = chain.get(3);
        chain.set(2, renumbered(b, 3));
        chain.set(3, renumbered(a, 4));

        ChainVerification verdict = verifier.verify(chain.iterator(), List.of());

        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBadSequence()).contains(3L);
    }

    @Test
    void aChainCutAfterASignedCheckpointIsCaught() {
        List<ChainedEntry> chain = chain(6);
        Checkpoint atFive = checkpoint(chain.get(4));
        List<ChainedEntry> cut = new ArrayList<>(chain.subList(0, 3));

        assertBroken(verifier.verify(cut.iterator(), List.of(atFive)), 5, "deleted");
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRefused() {
        List<ChainedEntry> chain = chain(4);
        Checkpoint forged = checkpoint(chain.get(1), KeyAlgorithm.EC_P256.generate(TestPki.RANDOM));

        assertBroken(verifier.verify(chain.iterator(), List.of(forged)), 2, "checkpoint");
    }

    @Test
    void anEmptyChainIsIntact() {
        assertThat(verifier.verify(Collections.emptyIterator(), List.of()).intact()).isTrue();
    }

    private static void assertBroken(ChainVerification verdict, long sequence, String problem) {
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBadSequence()).contains(sequence);
        assertThat(verdict.problem()).hasValueSatisfying(p -> assertThat(p).contains(problem));
    }

    private static List<ChainedEntry> chain(int length) {
        List<ChainedEntry> chain = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (long sequence = 1; sequence <= length; sequence++) {
            AuditEntry entry = new AuditEntry(sequence, Instant.parse("2026-11-28T10:00:00Z").plusSeconds(sequence), "admin", "t-1",
                    "127.0.0.1", "certificate.issued", "serial-" + sequence, "ok", "VP-" + sequence, "Nguyễn Thị Ánh");
            String hash = AuditChain.hash(previous, entry);
            chain.add(new ChainedEntry(entry, previous, hash));
            previous = hash;
        }
        return chain;
    }

    private static ChainedEntry renumbered(ChainedEntry chained, long sequence) {
        AuditEntry e = chained.entry();
        AuditEntry moved = new AuditEntry(sequence, e.occurredAt(), e.actor(), e.tokenId(), e.sourceAddress(), e.action(), e.target(),
                e.outcome(), e.requestId(), e.detail());
        return new ChainedEntry(moved, chained.previousHash(), AuditChain.hash(chained.previousHash(), moved));
    }

    private Checkpoint checkpoint(ChainedEntry at) {
        return checkpoint(at, auditKey);
    }

    private static Checkpoint checkpoint(ChainedEntry at, KeyPair key) {
        try {
            Checkpoint unsigned = new Checkpoint(at.entry().sequence(), at.hash(), Instant.parse("2026-11-28T11:00:00Z"), new byte[0]);
            Signature signer = Signature.getInstance(KeyAlgorithm.EC_P256.signatureAlgorithm(), Providers.BC);
            signer.initSign(key.getPrivate());
            signer.update(unsigned.signedContent());
            return new Checkpoint(unsigned.sequence(), unsigned.hash(), unsigned.signedAt(), signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
