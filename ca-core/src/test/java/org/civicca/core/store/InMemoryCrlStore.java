package org.civicca.core.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicca.core.crl.PublishedCrl;

/** A {@link CrlStore} whose numbers start at 1 and strictly increase per CA, keeping every CRL saved. */
public final class InMemoryCrlStore implements CrlStore {

    private final Map<String, Long> lastNumber = new HashMap<>();
    private final List<PublishedCrl> saved = new ArrayList<>();

    @Override
    public synchronized long nextCrlNumber(String caName) {
        return lastNumber.merge(caName, 1L, Long::sum);
    }

    @Override
    public synchronized void save(PublishedCrl crl) {
        saved.add(crl);
    }

    @Override
    public synchronized Optional<PublishedCrl> latest(String caName) {
        return saved.stream().filter(c -> c.caName().equals(caName)).reduce((first, second) -> second);
    }

    public synchronized List<PublishedCrl> saved() {
        return List.copyOf(saved);
    }
}
