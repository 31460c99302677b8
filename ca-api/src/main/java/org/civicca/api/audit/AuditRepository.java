package org.civicca.api.audit;

import org.springframework.data.repository.ListCrudRepository;

interface AuditRepository extends ListCrudRepository<AuditEventRow, Long> {
}
