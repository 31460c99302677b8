package org.civicca.core.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.civicca.core.SerialNumber;
import org.junit.jupiter.api.Test;

class TimeOrderedSerialNumberGeneratorTests {

    private static final Instant ISSUED = Instant.parse("2026-12-03T08:00:00.123Z");

    @Test
    void drawsDistinctPositiveSerialsThatFitIn16Octets() {
        TimeOrderedSerialNumberGenerator generator = new TimeOrderedSerialNumberGenerator(Clock.systemUTC(), new SecureRandom());
        HashSet<BigInteger> seen = new HashSet<>();

        for (int i = 0; i < 2000; i++) {
            BigInteger value = generator.next().value();
            assertThat(value.signum()).isPositive();
            assertThat(value.toByteArray()).hasSizeLessThanOrEqualTo(16);
            seen.add(value);
        }

        assertThat(seen).hasSize(2000);
    }

    @Test
    void leadsWithTheIssuanceMillisecondAndEndsWith80BitsOfTheRandomSource() {
        BigInteger value = new TimeOrderedSerialNumberGenerator(Clock.fixed(ISSUED, ZoneOffset.UTC), repeating(0x55)).next().value();

        assertThat(value.shiftRight(80)).isEqualTo(BigInteger.valueOf(ISSUED.toEpochMilli()));
        assertThat(value.and(BigInteger.ONE.shiftLeft(80).subtract(BigInteger.ONE)))
                .isEqualTo(new BigInteger("55555555555555555555", 16));
    }

    @Test
    void laterSerialsSortAfterEarlierOnesAsNumbersAndAsStoredHexAcross2039WhereTheTimeGainsABit() {
        SecureRandom random = new SecureRandom();
        List<SerialNumber> serials = new ArrayList<>();
        for (long month = 0; month < 200; month++) {
            Instant at = ISSUED.plus(Duration.ofDays(30 * month));
            serials.add(new TimeOrderedSerialNumberGenerator(Clock.fixed(at, ZoneOffset.UTC), random).next());
        }

        assertThat(serials).extracting(SerialNumber::value).isSorted();
        assertThat(serials).extracting(SerialNumber::hex).isSorted();
    }

    @Test
    void staysPositiveWithAClockAtTheEpoch() {
        SerialNumber serial = new TimeOrderedSerialNumberGenerator(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), repeating(0)).next();

        assertThat(serial.value()).isEqualTo(BigInteger.ONE.shiftLeft(80));
    }

    /** A random source that gives only this byte. */
    private static SecureRandom repeating(int value) {
        return new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                Arrays.fill(bytes, (byte) value);
            }
        };
    }
}
