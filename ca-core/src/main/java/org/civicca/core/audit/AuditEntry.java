package org.civicca.core.audit;

import java.time.Instant;

/**
 * One event of the audit trail, as chained: its position in the chain, when, who (account and token), from where,
 * what was done to what, with which outcome, and the client's request id when there was one.
 */
public record AuditEntry(long sequence, Instant occurredAt, String actor, String tokenId, String sourceAddress, String action,
                         String target, String outcome, String requestId, String detail) {

    public AuditEntry {
        if (sequence < 1) {
            throw new IllegalArgumentException("audit sequence numbers start at 1");
        }
    }
}
