package org.civicca.core.subject;

import java.util.Arrays;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.message.CoreMessage;

/**
 * The structured fields a request may carry, each with its JSON name and where it lands in the certificate.
 * The agency supplies {@code O} and {@code L}, the configuration {@code ST} and {@code C}.
 */
public enum SubjectField {
    COMMON_NAME("commonName", BCStyle.CN, ""),
    TITLE("title", BCStyle.T, ""),
    UNIT("unit", BCStyle.OU, ""),
    NATIONAL_ID("nationalId", BCStyle.UID, "CCCD:"),
    TAX_CODE("taxCode", BCStyle.UID, "MST:"),
    /** Goes into the subjectAltName as an rfc822Name, never into the DN. */
    EMAIL("email", null, "");

    private final String jsonName;
    private final ASN1ObjectIdentifier attribute;
    private final String valuePrefix;

    SubjectField(String jsonName, ASN1ObjectIdentifier attribute, String valuePrefix) {
        this.jsonName = jsonName;
        this.attribute = attribute;
        this.valuePrefix = valuePrefix;
    }

    /** Accepts the JSON name ({@code nationalId}), the constant, or the kebab form ({@code national-id}). */
    public static SubjectField parse(String text) {
        String wanted = text.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.jsonName.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new CaException(ErrorCode.CA_CONFIGURATION, null, CoreMessage.UNKNOWN_SUBJECT_FIELD, text));
    }

    public String jsonName() {
        return jsonName;
    }

    ASN1ObjectIdentifier attribute() {
        return attribute;
    }

    String valuePrefix() {
        return valuePrefix;
    }

    /** The rule every value of this field obeys; the common name's rule is the profile's choice. */
    FieldRule rule(FieldRule nameRule) {
        return switch (this) {
            case COMMON_NAME -> nameRule;
            case TITLE, UNIT -> FieldRule.ORGANIZATION_TEXT;
            case NATIONAL_ID -> FieldRule.NATIONAL_ID;
            case TAX_CODE -> FieldRule.TAX_CODE;
            case EMAIL -> FieldRule.EMAIL;
        };
    }
}
