package org.civicca.api.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.civicca.api.config.CaProperties;
import org.springframework.stereotype.Component;

/**
 * The API's two request limits, held in memory per node: failed authentications per source address (a fixed
 * one-minute window), and requests per token (a token bucket of one second's rate, bursting to twice that). Each
 * check answers how many seconds to wait, or nothing when the request may go on.
 */
@Component
public class RateLimits {

    private static final long WINDOW_MILLIS = Duration.ofMinutes(1).toMillis();

    private final int failuresPerMinute;
    private final int requestsPerSecond;
    private final Clock clock;
    private final Map<String, Window> failures = new ConcurrentHashMap<>();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(CaProperties properties, Clock clock) {
        this.failuresPerMinute = properties.api().authFailuresPerMinute();
        this.requestsPerSecond = properties.api().requestsPerSecond();
        this.clock = clock;
    }

    /** Seconds this address must wait before trying to authenticate again. */
    OptionalLong addressBlocked(String address) {
        Window window = failures.get(address);
        long now = clock.millis();
        if (window == null || now - window.start() >= WINDOW_MILLIS || window.count() < failuresPerMinute) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (window.start() + WINDOW_MILLIS - now + 999) / 1000));
    }

    void failedAuthentication(String address) {
        long now = clock.millis();
        failures.compute(address, (key, window) -> window == null || now - window.start() >= WINDOW_MILLIS
                ? new Window(now, 1) : new Window(window.start(), window.count() + 1));
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(e -> now - e.getValue().start() >= WINDOW_MILLIS);
        }
    }

    /** Takes one request from the token's bucket; seconds to wait if it is empty. */
    OptionalLong tokenRequest(String tokenId) {
        return tokenRequests(tokenId, 1);
    }

    /**
     * Takes {@code count} requests from the token's bucket at once (a batch's further items), or none of them; seconds
     * to wait until the bucket could hold that many, if it lacks them.
     */
    public OptionalLong tokenRequests(String tokenId, int count) {
        long now = clock.millis();
        Bucket bucket = buckets.compute(tokenId, (key, current) -> (current == null
                ? new Bucket(2.0 * requestsPerSecond, now) : current.refill(now, requestsPerSecond)).take(count));
        if (bucket.granted()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (long) Math.ceil((count - bucket.tokens()) / requestsPerSecond)));
    }

    /** The most one request may ever take from a bucket: what it holds when full. */
    public int burst() {
        return 2 * requestsPerSecond;
    }

    private record Window(long start, int count) {
    }

    private record Bucket(double tokens, long at, boolean granted) {

        Bucket(double tokens, long at) {
            this(tokens, at, true);
        }

        Bucket refill(long now, int perSecond) {
            double refilled = Math.min(2.0 * perSecond, tokens + (now - at) * perSecond / 1000.0);
            return new Bucket(refilled, now, true);
        }

        Bucket take(int count) {
            return tokens >= count ? new Bucket(tokens - count, at, true) : new Bucket(tokens, at, false);
        }
    }
}
