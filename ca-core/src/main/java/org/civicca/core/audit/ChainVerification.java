package org.civicca.core.audit;

import java.util.Optional;

/**
 * The verdict on an audit chain: intact, or the first entry where it breaks and how. {@code entries} counts the
 * entries read; {@code checkpoints} the signed checkpoints that verified.
 */
public record ChainVerification(boolean intact, long entries, int checkpoints, Optional<Long> firstBadSequence,
                                Optional<String> problem) {

    public static ChainVerification intact(long entries, int checkpoints) {
        return new ChainVerification(true, entries, checkpoints, Optional.empty(), Optional.empty());
    }

    public static ChainVerification broken(long entries, int checkpoints, long sequence, String problem) {
        return new ChainVerification(false, entries, checkpoints, Optional.of(sequence), Optional.of(problem));
    }
}
