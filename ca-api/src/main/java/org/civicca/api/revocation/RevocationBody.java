package org.civicca.api.revocation;

import java.time.Instant;

/** {@code POST /api/v1/certificates/{serial}/revocation}: an RFC 5280 reason in camelCase, and optionally since when the key is unsafe. */
public record RevocationBody(String reason, Instant invalidityDate) {
}
