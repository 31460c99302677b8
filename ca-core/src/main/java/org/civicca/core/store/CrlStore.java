package org.civicca.core.store;

import java.util.Optional;
import org.civicca.core.crl.PublishedCrl;

/** The CRLs a CA has made and the sequence of their numbers. */
public interface CrlStore {

    /**
     * The next CRL number of this CA, taken under a database lock held until the caller's transaction ends,
     * so that numbers strictly increase whichever node makes the CRL.
     */
    long nextCrlNumber(String caName);

    void save(PublishedCrl crl);

    Optional<PublishedCrl> latest(String caName);
}
