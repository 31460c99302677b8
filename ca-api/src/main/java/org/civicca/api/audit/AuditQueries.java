package org.civicca.api.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.civicca.core.audit.AuditEntry;
import org.civicca.core.audit.ChainedEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the audit trail: filtered pages for people, and the whole chain in order, a page at a time, for verification. */
@Component
class AuditQueries {

    private static final String COLUMNS = "sequence, occurred_at, actor, token_id, source_address, action, target, outcome, request_id, "
            + "detail, previous_hash, entry_hash";
    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AuditPage page(AuditFilter filter) {
        StringBuilder where = new StringBuilder(" WHERE sequence IS NOT NULL");
        List<Object> params = new ArrayList<>();
        filter.from().ifPresent(t -> condition(where, params, "occurred_at >= ?", t.atOffset(ZoneOffset.UTC)));
        filter.to().ifPresent(t -> condition(where, params, "occurred_at < ?", t.atOffset(ZoneOffset.UTC)));
        filter.actor().ifPresent(a -> condition(where, params, "actor = ?", a));
        filter.action().ifPresent(a -> condition(where, params, "action = ?", a));
        filter.target().ifPresent(t -> condition(where, params, "target = ?", t));
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_event" + where).params(params).query(Long.class).single();
        List<ChainedEntry> items = jdbc.sql("SELECT " + COLUMNS + " FROM audit_event" + where + " ORDER BY sequence DESC"
                        + " OFFSET " + ((long) filter.page() * filter.size()) + " ROWS FETCH NEXT " + filter.size() + " ROWS ONLY")
                .params(params).query((rs, n) -> chained(rs)).list();
        return new AuditPage(items.stream().map(AuditEntryView::of).toList(), filter.page(), filter.size(), total);
    }

    /** Every entry in sequence order, read in chunks so that a long trail never sits whole in memory. */
    Iterator<ChainedEntry> chain() {
        return new Iterator<>() {
            private List<ChainedEntry> chunk = next(0);
            private int index;

            @Override
            public boolean hasNext() {
                if (index == chunk.size() && chunk.size() == CHUNK) {
                    chunk = next(chunk.get(chunk.size() - 1).entry().sequence());
                    index = 0;
                }
                return index < chunk.size();
            }

            @Override
            public ChainedEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return chunk.get(index++);
            }

            private List<ChainedEntry> next(long after) {
                return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE sequence > ? ORDER BY sequence, id FETCH FIRST " + CHUNK
                        + " ROWS ONLY").param(after).query((rs, n) -> chained(rs)).list();
            }
        };
    }

    List<AuditEntryView> chainPage(long after, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE sequence > ? ORDER BY sequence, id FETCH FIRST " + size + " ROWS ONLY")
                .param(after).query((rs, n) -> AuditEntryView.of(chained(rs))).list();
    }

    private static void condition(StringBuilder where, List<Object> params, String condition, Object value) {
        where.append(" AND ").append(condition);
        params.add(value);
    }

    private static ChainedEntry chained(ResultSet rs) throws SQLException {
        Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
        AuditEntry entry = new AuditEntry(rs.getLong(1), at, rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
        return new ChainedEntry(entry, rs.getString(11), rs.getString(12));
    }
}
