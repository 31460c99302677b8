package org.civicca.core.subject;

import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.civicca.core.agency.Agency;

/**
 * Builds the subject DN attribute by attribute from checked values, never by parsing a string, so no value
 * can add an attribute or an RDN whatever it holds. Every attribute is a UTF8String except {@code C}, which
 * X.520 requires to be a PrintableString. Order, most significant first: C, ST, L, O, OU, T, CN, UID.
 */
public final class SubjectBuilder {

    private final String country;
    private final String province;

    public SubjectBuilder(String country, String province) {
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country must be a two-letter ISO 3166 code");
        }
        this.country = country;
        this.province = FieldRule.ORGANIZATION_TEXT.check("province", province);
    }

    public Subject build(SubjectTemplate template, SubjectFields fields, Agency agency) {
        Map<SubjectField, String> values = template.check(fields);
        X500NameBuilder dn = new X500NameBuilder(BCStyle.INSTANCE);
        dn.addRDN(BCStyle.C, new DERPrintableString(country));
        utf8(dn, BCStyle.ST, province);
        utf8(dn, BCStyle.L, agency.locality());
        utf8(dn, BCStyle.O, agency.name());
        for (SubjectField field : new SubjectField[] {SubjectField.UNIT, SubjectField.TITLE, SubjectField.COMMON_NAME,
                SubjectField.NATIONAL_ID, SubjectField.TAX_CODE}) {
            String value = values.get(field);
            if (value != null) {
                utf8(dn, field.attribute(), field.valuePrefix() + value);
            }
        }
        X500Name name = dn.build();
        return new Subject(name, values);
    }

    private static void utf8(X500NameBuilder dn, ASN1ObjectIdentifier attribute, String value) {
        ASN1Encodable encoded = new DERUTF8String(value);
        dn.addRDN(attribute, encoded);
    }
}
