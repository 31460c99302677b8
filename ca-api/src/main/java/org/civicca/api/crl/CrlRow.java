package org.civicca.api.crl;

import java.time.Instant;
import org.springframework.data.relational.core.mapping.Table;

@Table
record CrlRow(String caName, long crlNumber, Instant thisUpdate, Instant nextUpdate, byte[] der) {
}
