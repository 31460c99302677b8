package org.civicca.core.check;

import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1PrintableString;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * RFC 5280 4.1.2.4 and its appendix A on the values of a distinguished name: DirectoryStrings as PrintableString or
 * UTF8String, countryName a two-letter PrintableString, serialNumber and dnQualifier PrintableString, emailAddress and
 * domainComponent IA5String, and no attribute empty.
 */
final class NameRules {

    private static final Set<ASN1ObjectIdentifier> PRINTABLE_ONLY = Set.of(BCStyle.C, BCStyle.SERIALNUMBER, BCStyle.DN_QUALIFIER);
    private static final Set<ASN1ObjectIdentifier> IA5_ONLY = Set.of(BCStyle.EmailAddress, BCStyle.DC);

    private NameRules() {
    }

    static void check(String which, X500Name name, List<String> problems) {
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                check(which, attribute.getType(), attribute.getValue(), problems);
            }
        }
    }

    private static void check(String which, ASN1ObjectIdentifier type, ASN1Encodable value, List<String> problems) {
        String display = BCStyle.INSTANCE.oidToDisplayName(type);
        String attribute = which + " " + (display == null ? type.getId() : display);
        if (!(value instanceof ASN1String text)) {
            problems.add(attribute + " is not a string");
            return;
        }
        if (text.getString().isEmpty()) {
            problems.add(attribute + " is empty");
        }
        if (PRINTABLE_ONLY.contains(type)) {
            if (!(value instanceof ASN1PrintableString)) {
                problems.add(attribute + " must be a PrintableString");
            }
            if (type.equals(BCStyle.C) && !text.getString().matches("[A-Z]{2}")) {
                problems.add(attribute + " must be two upper-case letters (ISO 3166)");
            }
        } else if (IA5_ONLY.contains(type)) {
            if (!(value instanceof ASN1IA5String)) {
                problems.add(attribute + " must be an IA5String");
            }
        } else if (!(value instanceof ASN1UTF8String) && !(value instanceof ASN1PrintableString)) {
            problems.add(attribute + " must be a UTF8String or PrintableString, not " + value.getClass().getSimpleName());
        }
    }
}
