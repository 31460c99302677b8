package org.civicca.core.audit;

/** An entry as stored: its content, the previous entry's hash it claims, and its own hash. */
public record ChainedEntry(AuditEntry entry, String previousHash, String hash) {
}
