package org.civicca.api.account;

/** {@code POST /api/v1/accounts/{id}/tokens}; expiresInDays 1 to 3650, default 90. */
public record TokenBody(Integer expiresInDays) {
}
