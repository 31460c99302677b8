package org.civicca.core.issue;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.civicca.core.SerialNumber;

/**
 * 127 bits from a CSPRNG: well over the 64 random bits CA practice asks for, always positive, and at most 16
 * octets in DER, under the 20 that RFC 5280 allows.
 */
public final class RandomSerialNumberGenerator implements SerialNumberGenerator {

    private static final int BITS = 127;
    private final SecureRandom random;

    public RandomSerialNumberGenerator(SecureRandom random) {
        this.random = random;
    }

    @Override
    public SerialNumber next() {
        BigInteger value;
        do {
            value = new BigInteger(BITS, random);
        } while (value.bitLength() < 64);
        return new SerialNumber(value);
    }
}
