package org.civicca.core.check;

import java.util.List;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Time;
import org.civicca.core.EncodedTime;

/**
 * RFC 5280 4.1.2.5 and 5.1.2.4: UTCTime through 2049, GeneralizedTime from 2050 on, in whole seconds and Zulu, read
 * from the encoded text ({@link EncodedTime}).
 */
final class TimeRules {

    private TimeRules() {
    }

    static void check(String what, Time time, List<String> problems) {
        String text = EncodedTime.sortableText(time);
        if (text == null) {
            problems.add(what + " is not a time in whole seconds and Zulu");
            return;
        }
        int year = Integer.parseInt(text.substring(0, 4));
        boolean utc = time.toASN1Primitive() instanceof ASN1UTCTime;
        if (year < 2050 && !utc) {
            problems.add(what + " before 2050 must be a UTCTime");
        }
        if (year >= 2050 && utc) {
            problems.add(what + " from 2050 on must be a GeneralizedTime");
        }
    }
}
