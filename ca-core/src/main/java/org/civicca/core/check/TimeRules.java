package org.civicca.core.check;

import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Time;

/** RFC 5280 4.1.2.5 and 5.1.2.4: UTCTime through 2049, GeneralizedTime from 2050 on. */
final class TimeRules {

    private TimeRules() {
    }

    static void check(String what, Time time, List<String> problems) {
        int year = time.getDate().toInstant().atZone(ZoneOffset.UTC).getYear();
        boolean utc = time.toASN1Primitive() instanceof ASN1UTCTime;
        boolean generalized = time.toASN1Primitive() instanceof ASN1GeneralizedTime;
        if (year < 2050 && !utc) {
            problems.add(what + " before 2050 must be a UTCTime");
        }
        if (year >= 2050 && !generalized) {
            problems.add(what + " from 2050 on must be a GeneralizedTime");
        }
    }
}
