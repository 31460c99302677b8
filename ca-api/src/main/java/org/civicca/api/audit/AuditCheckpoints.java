package org.civicca.api.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.civicca.core.audit.Checkpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs the audit chain's head at intervals with the audit key, so that cutting entries off the end, or rewriting
 * the whole chain, is caught too. A head that has not moved since the last checkpoint is not signed again.
 */
@Component
public class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    private final JdbcClient jdbc;
    private final AuditKey key;
    private final Clock clock;

    AuditCheckpoints(JdbcClient jdbc, AuditKey key, Clock clock) {
        this.jdbc = jdbc;
        this.key = key;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ca.audit.checkpoint-interval}", initialDelayString = "${ca.audit.checkpoint-interval}")
    public void scheduled() {
        try {
            signHead();
        } catch (RuntimeException e) {
            log.error("Could not sign the audit chain's head; the next interval retries", e);
        }
    }

    /** Signs the current head unless it is signed already; returns the checkpoint of the head. */
    @Transactional
    public Optional<Checkpoint> signHead() {
        AuditLog.Head head = jdbc.sql("SELECT sequence, entry_hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> new AuditLog.Head(rs.getLong(1), rs.getString(2))).single();
        if (head.sequence() == 0) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Checkpoint unsigned = new Checkpoint(head.sequence(), head.hash(), now, new byte[0]);
        Checkpoint checkpoint = new Checkpoint(head.sequence(), head.hash(), now, key.sign(unsigned.signedContent()));
        try {
            int inserted = jdbc.sql("""
                            INSERT INTO audit_checkpoint (sequence, entry_hash, signed_at, signature)
                            SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM audit_checkpoint WHERE sequence = ?)""")
                    .params(checkpoint.sequence(), checkpoint.hash(), now.atOffset(ZoneOffset.UTC), checkpoint.signature(), checkpoint.sequence())
                    .update();
            return inserted == 1 ? Optional.of(checkpoint) : Optional.empty();
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    public List<Checkpoint> all() {
        return jdbc.sql("SELECT sequence, entry_hash, signed_at, signature FROM audit_checkpoint ORDER BY sequence")
                .query((rs, n) -> new Checkpoint(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getBytes(4)))
                .list();
    }
}
