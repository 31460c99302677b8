package org.civicca.api.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A token as listed: never its secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenView(String id, Instant createdAt, Instant expiresAt, Instant revokedAt) {
}
