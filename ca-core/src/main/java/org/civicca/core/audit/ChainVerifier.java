package org.civicca.core.audit;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicca.core.Providers;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.message.CoreMessage;
import org.civicca.core.message.Message;

/**
 * Walks the chain in sequence order and names the first entry that was altered (its hash does not match its content),
 * deleted (a sequence number is missing), inserted (a sequence number repeats or does not follow) or reordered (its
 * previous hash is not its predecessor's hash); then checks every signed checkpoint against the chain and the
 * audit key. A chain cut off after a checkpoint is caught because the checkpoint names a later entry.
 */
public final class ChainVerifier {

    private final PublicKey auditKey;
    private final KeyAlgorithm keyAlgorithm;

    public ChainVerifier(PublicKey auditKey, KeyAlgorithm keyAlgorithm) {
        this.auditKey = auditKey;
        this.keyAlgorithm = keyAlgorithm;
    }

    /** {@code entries} in the order the store returns them by sequence; each iteration step may read from the store. */
    public ChainVerification verify(Iterator<ChainedEntry> entries, List<Checkpoint> checkpoints) {
        Map<Long, Checkpoint> bySequence = checkpoints.stream().collect(Collectors.toMap(Checkpoint::sequence, Function.identity(), (a, b) -> a));
        String previous = AuditChain.GENESIS;
        long expected = 1;
        long read = 0;
        int verifiedCheckpoints = 0;
        while (entries.hasNext()) {
            ChainedEntry chained = entries.next();
            read++;
            Checkpoint checkpoint = bySequence.remove(chained.entry().sequence());
            Optional<Break> broken = check(chained, expected, previous, checkpoint);
            if (broken.isPresent()) {
                return ChainVerification.broken(read, verifiedCheckpoints, broken.get().sequence(), broken.get().problem());
            }
            verifiedCheckpoints += checkpoint == null ? 0 : 1;
            previous = chained.hash();
            expected++;
        }
        if (!bySequence.isEmpty()) {
            long missing = bySequence.keySet().stream().min(Long::compare).orElseThrow();
            return ChainVerification.broken(read, verifiedCheckpoints, missing,
                    Message.of(CoreMessage.AUDIT_CHECKPOINT_ENTRY_DELETED, missing));
        }
        return ChainVerification.intact(read, verifiedCheckpoints);
    }

    /** Where this entry breaks the chain, if it does; {@code checkpoint} is the one signed at this entry, or null. */
    private Optional<Break> check(ChainedEntry chained, long expected, String previous, Checkpoint checkpoint) {
        long sequence = chained.entry().sequence();
        if (sequence < expected) {
            return Optional.of(new Break(sequence, Message.of(CoreMessage.AUDIT_SEQUENCE_REPEATED, sequence)));
        }
        if (sequence > expected) {
            return Optional.of(new Break(expected, Message.of(CoreMessage.AUDIT_ENTRY_DELETED, expected)));
        }
        if (!chained.hash().equals(AuditChain.hash(chained.previousHash(), chained.entry()))) {
            return Optional.of(new Break(sequence, Message.of(CoreMessage.AUDIT_ENTRY_ALTERED, sequence)));
        }
        if (!chained.previousHash().equals(previous)) {
            return Optional.of(new Break(sequence, Message.of(CoreMessage.AUDIT_ENTRY_OUT_OF_ORDER, sequence, sequence - 1)));
        }
        if (checkpoint != null && (!checkpoint.hash().equals(chained.hash()) || !signatureValid(checkpoint))) {
            return Optional.of(new Break(sequence, Message.of(CoreMessage.AUDIT_CHECKPOINT_MISMATCH, sequence)));
        }
        return Optional.empty();
    }

    private record Break(long sequence, Message problem) {
    }

    private boolean signatureValid(Checkpoint checkpoint) {
        try {
            Signature verifier = Signature.getInstance(keyAlgorithm.signatureAlgorithm(), Providers.BC);
            verifier.initVerify(auditKey);
            verifier.update(checkpoint.signedContent());
            return verifier.verify(checkpoint.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
