package org.civicca.api.ca;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table
record CaAuthorityRow(@Id String name, String parent, String subjectDn, String keyAlgorithm, byte[] certificateDer, Instant notAfter,
             long crlNumber, Instant createdAt) {
}
