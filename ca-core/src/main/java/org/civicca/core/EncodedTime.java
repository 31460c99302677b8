package org.civicca.core;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Time;

/**
 * A certificate's or CRL's time read from its encoded text. Bouncy Castle's {@code Time.getDate()} parses with a new
 * SimpleDateFormat at each call: issuance read validity back about ten times per certificate (5 % of its Java CPU),
 * and a million-entry CRL check took seconds.
 */
public final class EncodedTime {

    private EncodedTime() {
    }

    /**
     * {@code yyyyMMddHHmmss} of a UTCTime or GeneralizedTime in whole seconds and Zulu (the only forms RFC 5280
     * allows), else null; it sorts as the time does.
     */
    public static String sortableText(Time time) {
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

    /** The instant; forms RFC 5280 does not allow (fractions, offsets) are read by Bouncy Castle's general parser. */
    public static Instant instant(Time time) {
        String text = sortableText(time);
        if (text != null) {
            try {
                return LocalDateTime.of(number(text, 0, 4), number(text, 4, 6), number(text, 6, 8), number(text, 8, 10),
                        number(text, 10, 12), number(text, 12, 14)).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                // Digits that name no time (month 13): the general parser says what is wrong with them.
            }
        }
        return time.getDate().toInstant();
    }

    private static int number(String text, int from, int to) {
        return Integer.parseInt(text, from, to, 10);
    }
}
