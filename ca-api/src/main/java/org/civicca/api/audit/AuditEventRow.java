package org.civicca.api.audit;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table
record AuditEventRow(@Id Long id, Instant occurredAt, String actor, String action, String target, String detail) {
}
