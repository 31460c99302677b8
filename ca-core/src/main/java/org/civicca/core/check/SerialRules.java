package org.civicca.core.check;

import java.math.BigInteger;
import java.util.List;

/** RFC 5280 4.1.2.2 and 5.2.3: serial numbers and CRL numbers are positive (CRL numbers non-negative), at most 20 octets. */
final class SerialRules {

    static final int MAX_OCTETS = 20;

    private SerialRules() {
    }

    static void check(String what, BigInteger value, List<String> problems) {
        if (value.signum() <= 0) {
            problems.add(what + " must be positive");
        }
        if (value.toByteArray().length > MAX_OCTETS) {
            problems.add(what + " is longer than " + MAX_OCTETS + " octets");
        }
    }
}
