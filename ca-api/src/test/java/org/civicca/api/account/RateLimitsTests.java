package org.civicca.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.civicca.api.config.CaProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

/**
 * The two in-memory limits on their own, on a clock the test moves: 3 failed authentications a minute per address,
 * 5 requests a second per token (bursting to 10).
 */
class RateLimitsTests {

    private static final String ADDRESS = "192.0.2.10";
    private static final String OTHER_ADDRESS = "192.0.2.11";

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final RateLimits limits = new RateLimits(properties(3, 5), clock);

    @Test
    void anAddressIsFreeUntilItsThirdFailure() {
        assertThat(limits.addressBlocked(ADDRESS)).isEmpty();
        limits.failedAuthentication(ADDRESS);
        limits.failedAuthentication(ADDRESS);
        assertThat(limits.addressBlocked(ADDRESS)).isEmpty();

        limits.failedAuthentication(ADDRESS);

        OptionalLong retryAfter = limits.addressBlocked(ADDRESS);
        assertThat(retryAfter).isPresent();
        assertThat(retryAfter.getAsLong()).isBetween(1L, 60L);
    }

    @ParameterizedTest(name = "{0} ms after the first failure: Retry-After {1} s")
    @CsvSource({"0, 60", "1, 60", "999, 60", "1000, 59", "30500, 30", "58999, 2", "59000, 1", "59999, 1"})
    void retryAfterCountsTheSecondsLeftInTheMinuteRoundedUp(long elapsedMillis, long seconds) {
        failThreeTimes(ADDRESS);

        clock.advance(Duration.ofMillis(elapsedMillis));

        assertThat(limits.addressBlocked(ADDRESS)).hasValue(seconds);
    }

    @Test
    void theBlockEndsWhenTheMinuteIsOver() {
        failThreeTimes(ADDRESS);

        clock.advance(Duration.ofMillis(59_999));
        assertThat(limits.addressBlocked(ADDRESS)).isPresent();
        clock.advance(Duration.ofMillis(1));

        assertThat(limits.addressBlocked(ADDRESS)).isEmpty();
    }

    @Test
    void aFailureAfterTheMinuteStartsAFreshWindow() {
        failThreeTimes(ADDRESS);
        clock.advance(Duration.ofMinutes(1));

        limits.failedAuthentication(ADDRESS);
        limits.failedAuthentication(ADDRESS);
        assertThat(limits.addressBlocked(ADDRESS)).isEmpty();
        limits.failedAuthentication(ADDRESS);

        assertThat(limits.addressBlocked(ADDRESS)).hasValue(60);
    }

    @Test
    void failuresSpreadOverTwoWindowsDoNotBlock() {
        limits.failedAuthentication(ADDRESS);
        limits.failedAuthentication(ADDRESS);
        clock.advance(Duration.ofSeconds(61));

        limits.failedAuthentication(ADDRESS);

        assertThat(limits.addressBlocked(ADDRESS)).isEmpty();
    }

    @Test
    void anotherAddressIsUnaffected() {
        failThreeTimes(ADDRESS);

        assertThat(limits.addressBlocked(ADDRESS)).isPresent();
        assertThat(limits.addressBlocked(OTHER_ADDRESS)).isEmpty();
        limits.failedAuthentication(OTHER_ADDRESS);
        limits.failedAuthentication(OTHER_ADDRESS);
        assertThat(limits.addressBlocked(OTHER_ADDRESS)).isEmpty();
    }

    @Test
    void aTokenBurstsToTwiceItsRateThenWaitsASecond() {
        for (int i = 1; i <= 10; i++) {
            assertThat(limits.tokenRequest("token-a")).as("request %d", i).isEmpty();
        }

        assertThat(limits.tokenRequest("token-a")).hasValue(1);
        assertThat(limits.tokenRequest("token-a")).hasValue(1);
    }

    @Test
    void oneMoreRequestIsAllowedEvery200Milliseconds() {
        for (int i = 0; i < 10; i++) {
            limits.tokenRequest("token-a");
        }
        assertThat(limits.tokenRequest("token-a")).isPresent();

        clock.advance(Duration.ofMillis(199));
        assertThat(limits.tokenRequest("token-a")).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(limits.tokenRequest("token-a")).isEmpty();
        assertThat(limits.tokenRequest("token-a")).isPresent();

        clock.advance(Duration.ofMillis(200));
        assertThat(limits.tokenRequest("token-a")).isEmpty();
        assertThat(limits.tokenRequest("token-a")).isPresent();
    }

    @Test
    void anIdleTokenRefillsToTheBurstAndNoFurther() {
        for (int i = 0; i < 10; i++) {
            limits.tokenRequest("token-a");
        }

        clock.advance(Duration.ofMinutes(5));

        for (int i = 1; i <= 10; i++) {
            assertThat(limits.tokenRequest("token-a")).as("request %d after the pause", i).isEmpty();
        }
        assertThat(limits.tokenRequest("token-a")).isPresent();
    }

    @Test
    void aBatchTakesAllItsRequestsAtOnceOrNoneAndWaitsForThemAll() {
        assertThat(limits.tokenRequests("token-a", 7)).isEmpty();
        assertThat(limits.burst()).isEqualTo(10);

        OptionalLong refused = limits.tokenRequests("token-a", 9);

        assertThat(refused).as("6 requests missing at 5 a second").hasValue(2);
        assertThat(limits.tokenRequests("token-a", 3)).as("a refusal took nothing").isEmpty();
        assertThat(limits.tokenRequest("token-a")).isPresent();
        clock.advance(Duration.ofSeconds(2));
        assertThat(limits.tokenRequests("token-a", 10)).isEmpty();
    }

    @Test
    void twoTokensHaveTheirOwnBuckets() {
        for (int i = 0; i < 10; i++) {
            limits.tokenRequest("token-a");
        }
        assertThat(limits.tokenRequest("token-a")).isPresent();

        for (int i = 1; i <= 10; i++) {
            assertThat(limits.tokenRequest("token-b")).as("token-b request %d", i).isEmpty();
        }
        assertThat(limits.tokenRequest("token-b")).isPresent();
    }

    @Test
    void tokenRequestsAndAddressFailuresAreCountedApart() {
        for (int i = 0; i < 10; i++) {
            limits.tokenRequest(ADDRESS);
        }

        assertThat(limits.addressBlocked(ADDRESS)).isEmpty();
        failThreeTimes(OTHER_ADDRESS);
        assertThat(limits.tokenRequest(OTHER_ADDRESS)).isEmpty();
    }

    private void failThreeTimes(String address) {
        for (int i = 0; i < 3; i++) {
            limits.failedAuthentication(address);
        }
    }

    private static CaProperties properties(int failuresPerMinute, int requestsPerSecond) {
        return new CaProperties(null, "http://ca.test", null, "VN", "Vĩnh Phúc",
                new CaProperties.Api(DataSize.ofKilobytes(256), failuresPerMinute, requestsPerSecond),
                new CaProperties.Crl(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofMinutes(5)), null,
                new CaProperties.Holds(Duration.ofDays(30)), null, null, null, null);
    }

    /** A clock that stands still until the test moves it. */
    private static final class TestClock extends Clock {

        private Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
