package org.civicca.api.web;

/** A request the caller's token may not make yet: answered 429 with Retry-After, as the authentication filter answers. */
public final class TooManyRequestsException extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(long retryAfterSeconds) {
        super("the token's request rate is exceeded");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
