package org.civicca.api.crl;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.civicca.core.crl.PublishedCrl;
import org.springframework.stereotype.Component;

/** The newest CRL of each CA, held in memory so relying parties are served without rebuilding or reading the database. */
@Component
public class CrlCache {

    private final Map<String, HeldCrl> newest = new ConcurrentHashMap<>();

    public Optional<HeldCrl> get(String caName) {
        return Optional.ofNullable(newest.get(caName));
    }

    /** Keeps the CRL if it is newer than the one held; an older one arriving late never replaces a newer one. */
    void offer(PublishedCrl crl) {
        HeldCrl offered = new HeldCrl(crl.number(), crl.thisUpdate(), crl.nextUpdate(), PublicFile.of(crl));
        newest.merge(crl.caName(), offered, (held, fresh) -> fresh.number() > held.number() ? fresh : held);
    }
}
