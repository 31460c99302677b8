package org.civicca.api.certificate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.civicca.api.account.Actor;
import org.civicca.api.account.Permit;
import org.civicca.api.account.Role;
import org.civicca.api.config.CaProperties;
import org.civicca.core.revoke.CertificateStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Certificates on hold, and which of them have waited longer than {@code ca.holds.max-age} for a decision. */
@RestController
class HoldsController {

    private final CertificateQueries queries;
    private final Duration maxAge;
    private final Clock clock;

    HoldsController(CertificateQueries queries, CaProperties properties, Clock clock) {
        this.queries = queries;
        this.maxAge = properties.holds().maxAge();
        this.clock = clock;
    }

    @GetMapping("/api/v1/holds")
    @Permit({Role.ADMIN, Role.OFFICER, Role.CLERK, Role.AUDITOR})
    Holds holds(Actor actor) {
        Instant overdueBefore = clock.instant().minus(maxAge);
        List<Hold> holds = queries.all(CertificateFilter.of(null, null, CertificateStatus.ON_HOLD.name(), null, null, null, 0,
                        CertificateFilter.MAX_SIZE).scopedTo(actor)).stream()
                .map(c -> new Hold(c, c.revocation().revokedAt().isBefore(overdueBefore)))
                .toList();
        return new Holds(maxAge.toDays(), holds.stream().filter(Hold::overdue).count(), holds);
    }

    record Holds(long maxAgeDays, long overdue, List<Hold> holds) {
    }

    record Hold(CertificateView certificate, boolean overdue) {
    }
}
