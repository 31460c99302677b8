package org.civicca.api.account;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An API token, kept only as the SHA-256 of its secret. */
@Table
record ApiTokenRow(@Id String id, String account, String tokenHash, Instant createdAt, Instant expiresAt, Instant revokedAt) {

    boolean isValidAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
