package org.civicca.api.account;

import java.security.SecureRandom;
import java.time.Clock;
import org.civicca.api.audit.AuditLog;
import org.springframework.stereotype.Component;

/** The account service's plain collaborators, grouped to keep its constructor short. */
@Component
record AccountSupport(AuditLog audit, SecureRandom random, Clock clock) {
}
