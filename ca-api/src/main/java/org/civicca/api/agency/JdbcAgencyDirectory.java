package org.civicca.api.agency;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.civicca.core.agency.Agency;
import org.civicca.core.store.AgencyDirectory;
import org.springframework.stereotype.Component;

/**
 * The agencies issuance names in subjects, read from the database and kept for {@link #FRESH_NANOS}: every issuance
 * looks its agency up, and a province has a few dozen agencies that change rarely. A change made through this node
 * is seen at once ({@link #forget}); one made through another node is seen within that time, as its CRLs are.
 */
@Component
class JdbcAgencyDirectory implements AgencyDirectory {

    static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final AgencyRepository agencies;
    private final Map<String, Read> recent = new ConcurrentHashMap<>();

    JdbcAgencyDirectory(AgencyRepository agencies) {
        this.agencies = agencies;
    }

    /** No agency's code is longer than 64 characters or holds a control character, so such a code is not looked up. */
    @Override
    public Optional<Agency> find(String code) {
        if (code.length() > 64 || code.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Read read = recent.get(code);
        if (read != null && now - read.at() < FRESH_NANOS) {
            return Optional.of(read.agency());
        }
        Optional<Agency> agency = agencies.findById(code).map(AgencyService::toAgency);
        agency.ifPresent(found -> recent.put(code, new Read(found, now)));
        return agency;
    }

    /** Called once a change to this agency has committed. */
    void forget(String code) {
        recent.remove(code);
    }

    private record Read(Agency agency, long at) {
    }
}
