package org.civicca.api.audit;

/** One change to append to the audit trail, before the chain gives it a sequence number and a hash. */
public record AuditEvent(String actor, String action, String target, String outcome, String detail, AuditOrigin origin) {
}
