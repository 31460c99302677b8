package org.civicca.api.revocation;

import java.time.Instant;

/**
 * {@code POST /api/v1/certificates/{serial}/revocation}: an RFC 5280 reason in camelCase, optionally since when the
 * key is unsafe, and optionally a reference to the ticket that asked for it.
 */
public record RevocationBody(String reason, Instant invalidityDate, String ticket) {
}
