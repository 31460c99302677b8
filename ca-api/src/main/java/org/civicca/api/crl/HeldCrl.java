package org.civicca.api.crl;

import java.time.Instant;

/**
 * The newest CRL of a CA as this node holds it: its number and validity window, and the file relying parties get
 * (its bytes held once: a million-entry CRL is 46 MB).
 */
public record HeldCrl(long number, Instant thisUpdate, Instant nextUpdate, PublicFile file) {

    public CrlWindow window() {
        return new CrlWindow(thisUpdate, nextUpdate);
    }
}
