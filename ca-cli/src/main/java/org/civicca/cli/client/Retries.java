package org.civicca.cli.client;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Calls to the service, made again while it answers that it is busy or failing ({@link ApiProblemException#isTransient}):
 * after a growing pause, at least the server's Retry-After, with some jitter so that waiting workers do not come back
 * together. Five attempts at most, or twenty while it only says the token's rate is exceeded, which a bulk run meets
 * as a matter of course.
 */
public final class Retries {

    private static final int ATTEMPTS = 5;
    private static final int THROTTLED_ATTEMPTS = 20;

    private Retries() {
    }

    public static <T> T call(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (ApiProblemException e) {
                if (!e.isTransient() || attempt >= (e.status() == 429 ? THROTTLED_ATTEMPTS : ATTEMPTS)) {
                    throw e;
                }
                sleep(Math.max(250L << Math.min(attempt, 4), e.retryAfterSeconds() * 1000) + ThreadLocalRandom.current().nextLong(250));
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
