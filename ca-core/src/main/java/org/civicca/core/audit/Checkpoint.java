package org.civicca.core.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A signed statement that the chain's entry {@code sequence} has hash {@code hash}: the head, signed at intervals. */
public record Checkpoint(long sequence, String hash, Instant signedAt, byte[] signature) {

    public Checkpoint {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The bytes the signature covers. */
    public byte[] signedContent() {
        return ("civicca-audit-checkpoint-v1|" + sequence + "|" + hash + "|" + signedAt).getBytes(StandardCharsets.US_ASCII);
    }
}
