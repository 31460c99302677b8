package org.civicca.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in tests for what another thread or the service does by itself, with a deadline that fails the test. */
public final class Waits {

    private Waits() {
    }

    public static void until(BooleanSupplier condition, Duration deadline, String what) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited too long for " + what).isLessThan(end);
            Thread.sleep(5);
        }
    }
}
