package org.civicca.api.account;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the account behind a bearer token, if the token is known, unexpired and not revoked, and its account is
 * enabled. One indexed query per request, so a revocation or a disabled account takes effect at once.
 */
@Component
class TokenAuthenticator {

    private final JdbcClient jdbc;
    private final Clock clock;

    TokenAuthenticator(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Actor> authenticate(String secret) {
        if (secret == null || !secret.startsWith(Tokens.PREFIX) || secret.length() > 128) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT a.id, a.name, a.role, a.agency, t.id
                          FROM api_token t JOIN account a ON a.id = t.account_id
                         WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?)
                           AND a.enabled = TRUE""")
                .param(Tokens.hash(secret))
                .param(clock.instant().atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Actor(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        Optional.ofNullable(rs.getString(4)), rs.getString(5)))
                .optional();
    }
}
