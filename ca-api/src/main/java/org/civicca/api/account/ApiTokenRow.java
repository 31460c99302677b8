package org.civicca.api.account;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An API token, kept only as the SHA-256 of its secret. */
@Table
record ApiTokenRow(@Id String id, String accountId, String tokenHash, Instant createdAt, Instant expiresAt, Instant revokedAt) {
}
