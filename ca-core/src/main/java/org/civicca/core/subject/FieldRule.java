package org.civicca.core.subject;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.message.CoreMessage;

/**
 * The one catalogue of rules for the values that go into a subject or a request. Every rule NFC-normalizes
 * and strips the value, then checks, in this order: not empty, at most 64 characters (code points), no control
 * or invisible/bidirectional formatting characters, no DN metacharacters, and finally its own alphabet.
 * {@link #check} returns the normalized value or throws {@link ErrorCode#INVALID_FIELD} naming the field.
 */
public enum FieldRule {
    /** A person's name: letters (with Vietnamese diacritics), spaces, {@code - . '}. */
    PERSON_NAME("[\\p{L}\\p{M}][\\p{L}\\p{M} .'-]*",
            CoreMessage.RULE_PERSON_NAME),
    /** Organization names, units, titles, localities: also digits and {@code , ( ) & /}. */
    ORGANIZATION_TEXT("[\\p{L}\\p{M}0-9][\\p{L}\\p{M}0-9 .'\\-,()&/]*",
            CoreMessage.RULE_ORGANIZATION_TEXT),
    /** The 12-digit citizen identity card number (CCCD). */
    NATIONAL_ID("[0-9]{12}", CoreMessage.RULE_NATIONAL_ID),
    /** A 10-digit tax code, optionally with a {@code -NNN} sub-unit suffix. */
    TAX_CODE("[0-9]{10}(-[0-9]{3})?", CoreMessage.RULE_TAX_CODE),
    /** An ASCII mailbox: local part and a dotted domain name of LDH labels. */
    EMAIL("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+",
            CoreMessage.RULE_EMAIL),
    /** A client-chosen idempotency key, such as {@code VP-2021-01675}. */
    REQUEST_ID("[A-Za-z0-9][A-Za-z0-9._:-]*", CoreMessage.RULE_REQUEST_ID),
    /** A free-text reference to a ticket in another system, e.g. {@code HD-2026/0042}: any printable text. */
    TICKET("[^\\p{C}]+", CoreMessage.RULE_TICKET),
    /** Account names, such as {@code nguyen.van.a} or {@code clerk-so-tc}. */
    ACCOUNT_NAME("[a-z0-9][a-z0-9._-]*", CoreMessage.RULE_ACCOUNT_NAME),
    /** Short identifiers: agency codes, profile and CA names. */
    AGENCY_CODE("[a-z0-9][a-z0-9-]{0,62}", CoreMessage.RULE_AGENCY_CODE);

    public static final int MAX_LENGTH = 64;
    /** E-mail goes into the subjectAltName, not the DN, so it may take the full RFC 5321 length. */
    public static final int MAX_EMAIL_LENGTH = 254;
    /** Ticket references never reach a certificate; they only need to fit their column. */
    public static final int MAX_TICKET_LENGTH = 128;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Pattern FORMAT = Pattern.compile("[\\p{Cf}\\p{Co}\\p{Cn}\\p{Zl}\\p{Zp}]");
    private static final Pattern DN_META = Pattern.compile("[=+;\\\\\"<>#]");

    private final Pattern alphabet;
    private final CoreMessage rule;

    FieldRule(String alphabet, CoreMessage rule) {
        this.alphabet = Pattern.compile(alphabet);
        this.rule = rule;
    }

    public String check(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid(field, CoreMessage.FIELD_REQUIRED);
        }
        String value = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        int max = this == EMAIL ? MAX_EMAIL_LENGTH : this == TICKET ? MAX_TICKET_LENGTH : MAX_LENGTH;
        if (value.codePointCount(0, value.length()) > max) {
            throw new CaException(ErrorCode.INVALID_FIELD, field, CoreMessage.FIELD_TOO_LONG, field, max);
        }
        if (CONTROL.matcher(value).find()) {
            throw invalid(field, CoreMessage.FIELD_CONTROL_CHARACTERS);
        }
        if (FORMAT.matcher(value).find()) {
            throw invalid(field, CoreMessage.FIELD_FORMATTING_CHARACTERS);
        }
        if (this != EMAIL && this != TICKET && DN_META.matcher(value).find()) {
            throw invalid(field, CoreMessage.FIELD_DN_METACHARACTERS);
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

    private static CaException invalid(String field, CoreMessage rule) {
        return new CaException(ErrorCode.INVALID_FIELD, field, rule, field);
    }
}
