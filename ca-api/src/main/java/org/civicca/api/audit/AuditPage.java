package org.civicca.api.audit;

import java.util.List;

/** One page of the audit trail, newest first; pages start at 0. */
public record AuditPage(List<AuditEntryView> items, int page, int size, long total) {
}
