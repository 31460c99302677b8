package org.civicca.api.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.civicca.api.account.Actor;
import org.civicca.core.audit.AuditChain;
import org.civicca.core.audit.AuditEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

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

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String target, String detail) {
        append(actor, action, target, "ok", detail);
    }

    /**
     * For refusals seen outside any business transaction (failed authentication, refused authorization), with the
     * request they answered: servlet filters run before the request is bound to the thread.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordRefusal(HttpServletRequest request, String actor, String action, String detail) {
        append(request, actor, action, request.getRequestURI(), "refused", detail);
    }

    /**
     * A self-check that refused what the CA had just signed. Recorded in a transaction of its own: the change it
     * guarded was rolled back, so nothing was stored as issued or published.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String actor, String action, String target, String detail) {
        append(actor, action, target, "failed", detail);
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
    }

    private void append(String actor, String action, String target, String outcome, String detail) {
        append(currentRequest(), actor, action, target, outcome, detail);
    }

    private void append(HttpServletRequest request, String actor, String action, String target, String outcome, String detail) {
        Head head = jdbc.sql("SELECT sequence, entry_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        Actor caller = request == null ? null : (Actor) request.getAttribute(Actor.REQUEST_ATTRIBUTE);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditEntry entry = new AuditEntry(head.sequence() + 1, now, actor, caller == null ? null : caller.tokenId(),
                request == null ? null : request.getRemoteAddr(), action, target, outcome,
                request == null ? null : (String) request.getAttribute(REQUEST_ID_ATTRIBUTE), bounded(detail));
        String hash = AuditChain.hash(head.hash(), entry);
        jdbc.sql("""
                        INSERT INTO audit_event (sequence, occurred_at, actor, token_id, source_address, action, target, outcome,
                                                 request_id, detail, previous_hash, entry_hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(entry.sequence(), now.atOffset(ZoneOffset.UTC), entry.actor(), entry.tokenId(), entry.sourceAddress(),
                        entry.action(), entry.target(), entry.outcome(), entry.requestId(), entry.detail(), head.hash(), hash)
                .update();
        jdbc.sql("UPDATE audit_head SET sequence = ?, entry_hash = ? WHERE id = 1").params(entry.sequence(), hash).update();
    }

    private static String bounded(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }

    private static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }

    /** The newest entry of the chain: its sequence number and hash. */
    record Head(long sequence, String hash) {
    }
}
