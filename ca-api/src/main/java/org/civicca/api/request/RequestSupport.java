package org.civicca.api.request;

import java.time.Clock;
import org.civicca.api.audit.AuditLog;
import org.civicca.core.store.CertificateStore;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The request service's plain collaborators, grouped to keep its constructor short. */
@Component
record RequestSupport(AuditLog audit, CertificateStore certificates, JsonMapper json, Clock clock) {
}
