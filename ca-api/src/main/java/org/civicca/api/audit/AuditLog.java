package org.civicca.api.audit;

import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every change that touches trust, in the caller's transaction: the change and its audit entry commit
 * together or not at all. Details never hold keys or token secrets.
 */
@Component
public class AuditLog {

    private static final int MAX_DETAIL = 2048;

    private final AuditRepository events;
    private final Clock clock;

    AuditLog(AuditRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String target, String detail) {
        String bounded = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        events.save(new AuditEventRow(null, clock.instant(), actor, action, target, bounded));
    }

    public long count() {
        return events.count();
    }
}
