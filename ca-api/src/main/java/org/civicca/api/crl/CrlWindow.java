package org.civicca.api.crl;

import java.time.Duration;
import java.time.Instant;

/** When a CRL was made and when relying parties stop accepting it. */
public record CrlWindow(Instant thisUpdate, Instant nextUpdate) {

    /** The moment this CRL should be replaced: once the given fraction of its validity has passed. */
    public Instant refreshAt(double fraction) {
        Duration validity = Duration.between(thisUpdate, nextUpdate);
        return thisUpdate.plusMillis((long) (validity.toMillis() * fraction));
    }

    public boolean refreshDue(double fraction, Instant now) {
        return !now.isBefore(refreshAt(fraction));
    }
}
