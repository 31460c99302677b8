package org.civicca.core.subject;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;

/**
 * The one catalogue of rules for the values that go into a subject or a request. Every rule NFC-normalizes
 * and strips the value, then checks, in this order: not empty, at most 64 characters (code points), no control
 * or invisible/bidirectional formatting characters, no DN metacharacters, and finally its own alphabet.
 * {@link #check} returns the normalized value or throws {@link ErrorCode#INVALID_FIELD} naming the field.
 */
public enum FieldRule {
    /** A person's name: letters (with Vietnamese diacritics), spaces, {@code - . '}. */
    PERSON_NAME("[\\p{L}\\p{M}][\\p{L}\\p{M} .'-]*",
            "may hold only letters, spaces and - . '"),
    /** Organization names, units, titles, localities: also digits and {@code , ( ) & /}. */
    ORGANIZATION_TEXT("[\\p{L}\\p{M}0-9][\\p{L}\\p{M}0-9 .'\\-,()&/]*",
            "must start with a letter or digit and may hold only letters, digits, spaces and - . ' , ( ) & /"),
    /** The 12-digit citizen identity card number (CCCD). */
    NATIONAL_ID("[0-9]{12}", "must be exactly 12 digits"),
    /** A 10-digit tax code, optionally with a {@code -NNN} sub-unit suffix. */
    TAX_CODE("[0-9]{10}(-[0-9]{3})?", "must be 10 digits, optionally followed by -NNN"),
    /** An ASCII mailbox: local part and a dotted domain name of LDH labels. */
    EMAIL("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+",
            "must be a valid ASCII e-mail address (local@domain.tld)"),
    /** A client-chosen idempotency key, such as {@code VP-2021-01675}. */
    REQUEST_ID("[A-Za-z0-9][A-Za-z0-9._:-]*", "must start with a letter or digit and may hold only letters, digits and . _ : -"),
    /** A free-text reference to a ticket in another system, e.g. {@code HD-2026/0042}: any printable text. */
    TICKET("[^\\p{C}]+", "may hold only printable characters"),
    /** Account names, such as {@code nguyen.van.a} or {@code clerk-so-tc}. */
    ACCOUNT_NAME("[a-z0-9][a-z0-9._-]*", "must be lower-case letters, digits and . _ -, starting with a letter or digit"),
    /** Short identifiers: agency codes, profile and CA names. */
    AGENCY_CODE("[a-z0-9][a-z0-9-]{0,62}", "must be lower-case letters, digits and -, starting with a letter or digit");

    public static final int MAX_LENGTH = 64;
    /** E-mail goes into the subjectAltName, not the DN, so it may take the full RFC 5321 length. */
    public static final int MAX_EMAIL_LENGTH = 254;
    /** Ticket references never reach a certificate; they only need to fit their column. */
    public static final int MAX_TICKET_LENGTH = 128;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Pattern FORMAT = Pattern.compile("[\\p{Cf}\\p{Co}\\p{Cn}\\p{Zl}\\p{Zp}]");
    private static final Pattern DN_META = Pattern.compile("[=+;\\\\\"<>#]");

    private final Pattern alphabet;
    private final String rule;

    FieldRule(String alphabet, String rule) {
        this.alphabet = Pattern.compile(alphabet);
        this.rule = rule;
    }

    public String check(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid(field, "is required");
        }
        String value = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        int max = this == EMAIL ? MAX_EMAIL_LENGTH : this == TICKET ? MAX_TICKET_LENGTH : MAX_LENGTH;
        if (value.codePointCount(0, value.length()) > max) {
            throw invalid(field, "must be at most " + max + " characters");
        }
        if (CONTROL.matcher(value).find()) {
            throw invalid(field, "must not contain control characters");
        }
        if (FORMAT.matcher(value).find()) {
            throw invalid(field, "must not contain invisible or bidirectional formatting characters");
        }
        if (this != EMAIL && this != TICKET && DN_META.matcher(value).find()) {
            throw invalid(field, "must not contain any of = + ; \\ \" < > #");
        }
        if (!alphabet.matcher(value).matches()) {
            throw invalid(field, rule);
        }
        return this == EMAIL ? lowerCaseDomain(value) : value;
    }

    /** Like {@link #check}, but an absent (null or blank) value is allowed and stays absent. */
    public String checkOptional(String field, String raw) {
        return raw == null || raw.isBlank() ? null : check(field, raw);
    }

    private static String lowerCaseDomain(String email) {
        int at = email.lastIndexOf('@');
        return email.substring(0, at + 1) + email.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static CaException invalid(String field, String what) {
        return new CaException(ErrorCode.INVALID_FIELD, field, field + " " + what);
    }
}
