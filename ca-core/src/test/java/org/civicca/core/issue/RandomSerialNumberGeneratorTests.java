package org.civicca.core.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.civicca.core.SerialNumber;
import org.junit.jupiter.api.Test;

class RandomSerialNumberGeneratorTests {

    @Test
    void drawsPositiveSerialsOfAtLeast64BitsThatFitIn16Octets() {
        RandomSerialNumberGenerator generator = new RandomSerialNumberGenerator(new SecureRandom());
        Set<BigInteger> seen = new HashSet<>();

        for (int i = 0; i < 2000; i++) {
            BigInteger value = generator.next().value();
            assertThat(value.signum()).isPositive();
            assertThat(value.bitLength()).isBetween(64, 127);
            assertThat(value.toByteArray()).hasSizeLessThanOrEqualTo(16);
            seen.add(value);
        }

        assertThat(seen).hasSize(2000);
    }

    @Test
    void drawsAgainWhenTheRandomValueIsTooShort() {
        SecureRandom zeroesFirst = new SecureRandom() {
            private int calls;

            @Override
            public void nextBytes(byte[] bytes) {
                if (calls++ == 0) {
                    java.util.Arrays.fill(bytes, (byte) 0);
                } else {
                    java.util.Arrays.fill(bytes, (byte) 0x5a);
                }
            }
        };

        SerialNumber serial = new RandomSerialNumberGenerator(zeroesFirst).next();

        assertThat(serial.value().bitLength()).isGreaterThanOrEqualTo(64);
    }
}
