package org.civicca.api.audit;

import java.time.Instant;
import org.civicca.core.audit.AuditEntry;
import org.civicca.core.audit.ChainedEntry;

/** An audit entry as the API shows it, with its place in the chain. */
public record AuditEntryView(long sequence, Instant occurredAt, String actor, String tokenId, String sourceAddress, String action,
                             String target, String outcome, String requestId, String detail, String previousHash, String hash) {

    static AuditEntryView of(ChainedEntry chained) {
        AuditEntry e = chained.entry();
        return new AuditEntryView(e.sequence(), e.occurredAt(), e.actor(), e.tokenId(), e.sourceAddress(), e.action(), e.target(),
                e.outcome(), e.requestId(), e.detail(), chained.previousHash(), chained.hash());
    }
}
