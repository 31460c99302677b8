package org.civicca.api.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.civicca.core.audit.AuditChain;
import org.civicca.core.audit.AuditEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends every change that touches trust to the hash-chained audit trail, in the caller's transaction: the change
 * and its entry commit together or not at all. The append locks the chain's head row, so entries are numbered
 * without gaps in commit order across threads and nodes. Token id, source address and the HTTP request id come
 * from the request being served. Details never hold keys or token secrets.
 */
@Component
public class AuditLog {

    public static final String REQUEST_ID_ATTRIBUTE = AuditLog.class.getName() + ".requestId";
    private static final int MAX_DETAIL = 2048;

    private static final String INSERT = """
            INSERT INTO audit_event (sequence, occurred_at, actor, token_id, source_address, action, target, outcome, request_id,
                                     detail, previous_hash, entry_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, JdbcTemplate batches, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String target, String detail) {
        appendAll(List.of(new AuditEvent(actor, action, target, "ok", detail, AuditOrigin.current())));
    }

    /** Appends several entries in the caller's transaction, in order, under one lock of the chain's head. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<AuditEvent> events) {
        appendAll(events);
    }

    /**
     * For refusals seen outside any business transaction (failed authentication, refused authorization), with the
     * request they answered: servlet filters run before the request is bound to the thread.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordRefusal(HttpServletRequest request, String actor, String action, String detail) {
        appendAll(List.of(new AuditEvent(actor, action, request.getRequestURI(), "refused", detail, AuditOrigin.of(request))));
    }

    /**
     * A self-check that refused what the CA had just signed. Recorded in a transaction of its own: the change it
     * guarded was rolled back, so nothing was stored as issued or published.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String actor, String action, String target, String detail) {
        appendAll(List.of(new AuditEvent(actor, action, target, "failed", detail, AuditOrigin.current())));
    }

    /**
     * The sequence number of the newest committed entry, read without a lock: every change audited up to it is visible
     * to the statements that start after this read.
     */
    public long headSequence() {
        return jdbc.sql("SELECT sequence FROM audit_head WHERE id = 1").query(Long.class).single();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
    }

    private void appendAll(List<AuditEvent> events) {
        Head head = jdbc.sql("SELECT sequence, entry_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Object[]> rows = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            AuditOrigin origin = event.origin();
            AuditEntry entry = new AuditEntry(head.sequence() + 1, now, event.actor(), origin.tokenId(), origin.sourceAddress(),
                    event.action(), event.target(), event.outcome(), origin.requestId(), bounded(event.detail()));
            String hash = AuditChain.hash(head.hash(), entry);
            rows.add(new Object[] {entry.sequence(), now.atOffset(ZoneOffset.UTC), entry.actor(), entry.tokenId(),
                entry.sourceAddress(), entry.action(), entry.target(), entry.outcome(), entry.requestId(), entry.detail(), head.hash(),
                hash});
            head = new Head(entry.sequence(), hash);
        }
        batches.batchUpdate(INSERT, rows);
        jdbc.sql("UPDATE audit_head SET sequence = ?, entry_hash = ? WHERE id = 1").params(head.sequence(), head.hash()).update();
    }

    private static String bounded(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }

    /** The newest entry of the chain: its sequence number and hash. */
    record Head(long sequence, String hash) {
    }
}
