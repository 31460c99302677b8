package org.civicca.core.crl;

import java.time.Instant;

/** A signed CRL as published: its CA, number, validity window and DER bytes. */
public record PublishedCrl(String caName, long number, Instant thisUpdate, Instant nextUpdate, byte[] der) {

    public PublishedCrl {
        der = der.clone();
    }

    @Override
    public byte[] der() {
        return der.clone();
    }
}
