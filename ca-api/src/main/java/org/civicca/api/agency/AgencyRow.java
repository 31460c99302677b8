package org.civicca.api.agency;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table
record AgencyRow(@Id String code, String name, String taxCode, String locality, Instant createdAt, Instant updatedAt) {
}
