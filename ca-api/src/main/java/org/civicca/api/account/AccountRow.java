package org.civicca.api.account;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table
record AccountRow(@Id String id, String name, String role, String agency, boolean enabled, Instant createdAt) {
}
