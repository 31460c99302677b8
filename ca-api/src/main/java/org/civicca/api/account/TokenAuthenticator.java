package org.civicca.api.account;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Finds the account behind a bearer token, if the token is known, unexpired and not revoked. */
@Component
class TokenAuthenticator {

    private final TokenRepository tokens;
    private final Clock clock;

    TokenAuthenticator(TokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    Optional<Actor> authenticate(String secret) {
        if (secret == null || !secret.startsWith(Tokens.PREFIX) || secret.length() > 128) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(Tokens.hash(secret))
                .filter(token -> token.isValidAt(clock.instant()))
                .map(token -> new Actor(token.account()));
    }
}
