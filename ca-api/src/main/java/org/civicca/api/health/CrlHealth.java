package org.civicca.api.health;

import java.time.Clock;
import java.util.Optional;
import org.civicca.api.crl.CrlCache;
import org.civicca.api.crl.CrlFreshness;
import org.civicca.api.crl.HeldCrl;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * One CA's newest CRL as this node serves it ({@link CrlFreshness}): missing or lapsed is DOWN, since relying
 * parties reject what this node would send them; stale is WARNING; fresh is UP.
 */
final class CrlHealth implements HealthIndicator {

    private final String caName;
    private final CrlCache crls;
    private final CrlFreshness freshness;
    private final Clock clock;

    CrlHealth(String caName, CrlCache crls, CrlFreshness freshness, Clock clock) {
        this.caName = caName;
        this.crls = crls;
        this.freshness = freshness;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Optional<HeldCrl> crl = crls.get(caName);
        CrlFreshness.State state = freshness.of(crl, clock.instant());
        Health.Builder health = Health.status(status(state)).withDetail("freshness", state.label());
        crl.ifPresent(held -> health.withDetail("crlNumber", held.number()).withDetail("thisUpdate", held.thisUpdate())
                .withDetail("nextUpdate", held.nextUpdate()).withDetail("refreshDue", freshness.refreshPoint(held)));
        return health.build();
    }

    private static Status status(CrlFreshness.State state) {
        return switch (state) {
            case FRESH -> Status.UP;
            case STALE -> Warning.STATUS;
            case LAPSED, MISSING -> Status.DOWN;
        };
    }
}
