package org.civicca.core.audit;

import java.time.temporal.ChronoUnit;
import org.civicca.core.FieldDigest;

/**
 * The hash chain that makes the audit trail tamper-evident: each entry's hash covers its own content and the hash
 * of the entry before it, so changing, deleting, inserting or reordering any entry breaks every hash after it.
 * Fields are length-prefixed ({@link FieldDigest}), so no two different entries encode to the same bytes.
 */
public final class AuditChain {

    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(String previousHash, AuditEntry entry) {
        return new FieldDigest()
                .field("civicca-audit-v1")
                .field(previousHash)
                .field(Long.toString(entry.sequence()))
                .field(entry.occurredAt().truncatedTo(ChronoUnit.MICROS).toString())
                .field(entry.actor())
                .field(entry.tokenId())
                .field(entry.sourceAddress())
                .field(entry.action())
                .field(entry.target())
                .field(entry.outcome())
                .field(entry.requestId())
                .field(entry.detail())
                .hex();
    }
}
