package org.civicca.api.account;

import java.time.Instant;

/** A token just created: the only time its secret is shown. */
public record NewToken(String id, String token, Instant expiresAt) {
}
