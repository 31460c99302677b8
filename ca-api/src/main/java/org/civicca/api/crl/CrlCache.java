package org.civicca.api.crl;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.civicca.core.crl.PublishedCrl;
import org.springframework.stereotype.Component;

/** The newest CRL of each CA, held in memory so relying parties are served without rebuilding or reading the database. */
@Component
public class CrlCache {

    private final Map<String, Held> newest = new ConcurrentHashMap<>();

    public Optional<PublishedCrl> get(String caName) {
        return Optional.ofNullable(newest.get(caName)).map(Held::crl);
    }

    /** The newest CRL as relying parties get it. */
    Optional<PublicFile> file(String caName) {
        return Optional.ofNullable(newest.get(caName)).map(Held::file);
    }

    /** Keeps the CRL if it is newer than the one held; an older one arriving late never replaces a newer one. */
    void offer(PublishedCrl crl) {
        Held offered = new Held(crl, PublicFile.of(crl));
        newest.merge(crl.caName(), offered, (held, fresh) -> fresh.crl().number() > held.crl().number() ? fresh : held);
    }

    private record Held(PublishedCrl crl, PublicFile file) {
    }
}
