package org.civicca.core.check;

import java.util.List;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Time;

/**
 * RFC 5280 4.1.2.5 and 5.1.2.4: UTCTime through 2049, GeneralizedTime from 2050 on, in whole seconds and Zulu. Read
 * from the encoded text ({@link #instantText}), not through {@code Time.getDate()}: that parses with a new
 * SimpleDateFormat each time, which made the check of a million-entry CRL take seconds.
 */
final class TimeRules {

    private TimeRules() {
    }

    static void check(String what, Time time, List<String> problems) {
        String text = instantText(time);
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

    /** {@code yyyyMMddHHmmss} of a UTCTime or GeneralizedTime in whole seconds and Zulu, else null; it sorts as the time does. */
    static String instantText(Time time) {
        ASN1Primitive primitive = time.toASN1Primitive();
        String text;
        if (primitive instanceof ASN1UTCTime utc) {
            String raw = utc.toString();
            text = raw.length() == 13 && raw.endsWith("Z") ? (raw.charAt(0) < '5' ? "20" : "19") + raw.substring(0, 12) : null;
        } else if (primitive instanceof ASN1GeneralizedTime generalized) {
            String raw = generalized.getTimeString();
            text = raw.length() == 15 && raw.endsWith("Z") ? raw.substring(0, 14) : null;
        } else {
            text = null;
        }
        return text != null && text.chars().allMatch(Character::isDigit) ? text : null;
    }
}
