package org.civicca.core.issue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import org.civicca.core.SerialNumber;

/**
 * Serial numbers made of the issuance time in milliseconds followed by 80 bits from a CSPRNG (CA practice asks for
 * at least 64 unpredictable bits). A later serial is larger, and so is its hex form of the same length, which is how
 * the store keys certificates: new keys land at the end of the primary key's index, so a commit of many certificates
 * changes one index page instead of one random page each. Always positive, and at most 16 octets in DER until the
 * year 6429 (RFC 5280 allows 20); the time they reveal is already in the certificate's notBefore.
 */
public final class TimeOrderedSerialNumberGenerator implements SerialNumberGenerator {

    private static final int RANDOM_BITS = 80;
    private final Clock clock;
    private final SecureRandom random;

    public TimeOrderedSerialNumberGenerator(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public SerialNumber next() {
        // A clock at or before 1970 (a test's) still gives positive serials of 81 bits.
        BigInteger time = BigInteger.valueOf(Math.max(clock.millis(), 1));
        return new SerialNumber(time.shiftLeft(RANDOM_BITS).or(new BigInteger(RANDOM_BITS, random)));
    }
}
