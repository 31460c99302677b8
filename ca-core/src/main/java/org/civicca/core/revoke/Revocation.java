package org.civicca.core.revoke;

import java.time.Instant;
import java.util.Optional;

/** Why and when a certificate was revoked, and since when its key is believed unsafe (invalidityDate). */
public record Revocation(RevocationReason reason, Instant revokedAt, Optional<Instant> invalidityDate) {
}
