package org.civicca.api.audit;

import java.time.OffsetDateTime;
import java.util.List;
import org.civicca.core.audit.AuditChain;
import org.civicca.core.audit.AuditEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Entries written before the audit trail was chained (databases from earlier releases) are chained once, in id order. */
@Component
@Order(1)
class AuditChainUpgrade implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AuditChainUpgrade.class);

    private final JdbcClient jdbc;

    AuditChainUpgrade(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        List<Unchained> rows = jdbc.sql("SELECT id, occurred_at, actor, action, target, detail FROM audit_event WHERE sequence IS NULL ORDER BY id")
                .query((rs, n) -> new Unchained(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
        if (rows.isEmpty()) {
            return;
        }
        AuditLog.Head head = jdbc.sql("SELECT sequence, entry_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new AuditLog.Head(rs.getLong(1), rs.getString(2))).single();
        long sequence = head.sequence();
        String previous = head.hash();
        for (Unchained row : rows) {
            sequence++;
            AuditEntry entry = new AuditEntry(sequence, row.occurredAt().toInstant(), row.actor(), null, null, row.action(), row.target(), "ok",
                    null, row.detail());
            String hash = AuditChain.hash(previous, entry);
            jdbc.sql("UPDATE audit_event SET sequence = ?, outcome = 'ok', previous_hash = ?, entry_hash = ? WHERE id = ?")
                    .params(sequence, previous, hash, row.id()).update();
            previous = hash;
        }
        jdbc.sql("UPDATE audit_head SET sequence = ?, entry_hash = ? WHERE id = 1").params(sequence, previous).update();
        log.info("Chained {} audit entries written before the audit trail was chained", rows.size());
    }

    private record Unchained(long id, OffsetDateTime occurredAt, String actor, String action, String target, String detail) {
    }
}
