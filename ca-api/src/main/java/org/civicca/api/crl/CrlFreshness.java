package org.civicca.api.crl;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.civicca.api.config.CaProperties;

/**
 * The one rule for whether a CA's newest CRL is fine, read by the health endpoint, the CA listing (and through it
 * {@code civicca status}) and the metrics. A CRL is due for remaking at its refresh point ({@code ca.crl.refresh-at}
 * of its validity); the scheduler looks every {@code ca.crl.check-interval}, so a CRL still not replaced two
 * intervals after its refresh point means the scheduler keeps failing: stale, though relying parties still accept
 * it. Past its nextUpdate, or never made, relying parties reject it: lapsed or missing.
 */
public record CrlFreshness(double refreshAt, Duration checkInterval) {

    private static final int MISSED_CHECKS = 2;

    public enum State {
        FRESH, STALE, LAPSED, MISSING;

        /** As the API and the health details spell it: {@code fresh}, {@code stale}, {@code lapsed}, {@code missing}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static CrlFreshness of(CaProperties.Crl settings) {
        return new CrlFreshness(settings.refreshAt(), settings.checkInterval());
    }

    public State of(Optional<HeldCrl> crl, Instant now) {
        if (crl.isEmpty()) {
            return State.MISSING;
        }
        if (!now.isBefore(crl.get().nextUpdate())) {
            return State.LAPSED;
        }
        return now.isAfter(stalePoint(crl.get())) ? State.STALE : State.FRESH;
    }

    /** When the scheduler should remake the CRL: {@code refreshAt} of its validity after its thisUpdate. */
    public Instant refreshPoint(HeldCrl crl) {
        return crl.window().refreshAt(refreshAt);
    }

    /** From when a CRL not yet replaced is stale: two check intervals past its refresh point. */
    public Instant stalePoint(HeldCrl crl) {
        return refreshPoint(crl).plus(checkInterval.multipliedBy(MISSED_CHECKS));
    }
}
