package org.civicca.core.audit;

import java.util.Locale;
import java.util.Optional;
import org.civicca.core.message.Message;
import org.civicca.core.message.Messages;

/**
 * The verdict on an audit chain: intact, or the first entry where it breaks and how. {@code entries} counts the
 * entries read; {@code checkpoints} the signed checkpoints that verified.
 */
public record ChainVerification(boolean intact, long entries, int checkpoints, Optional<Long> firstBadSequence,
                                Optional<Message> breach) {

    public static ChainVerification intact(long entries, int checkpoints) {
        return new ChainVerification(true, entries, checkpoints, Optional.empty(), Optional.empty());
    }

    public static ChainVerification broken(long entries, int checkpoints, long sequence, Message breach) {
        return new ChainVerification(false, entries, checkpoints, Optional.of(sequence), Optional.of(breach));
    }

    /** How the chain breaks, in English. */
    public Optional<String> problem() {
        return problem(Messages.ENGLISH);
    }

    public Optional<String> problem(Locale language) {
        return breach.map(message -> message.in(language));
    }
}
