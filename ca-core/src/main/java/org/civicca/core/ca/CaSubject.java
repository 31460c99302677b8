package org.civicca.core.ca;

import java.util.Optional;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.civicca.core.subject.FieldRule;

/** A CA's subject as configured, built like every subject: UTF8String attributes, C as PrintableString. */
public record CaSubject(String country, String province, Optional<String> locality, String organization,
                        Optional<String> organizationalUnit, String commonName) {

    public CaSubject {
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("CA subject country must be a two-letter ISO 3166 code");
        }
        province = FieldRule.ORGANIZATION_TEXT.check("CA subject province", province);
        locality = locality.map(l -> FieldRule.ORGANIZATION_TEXT.check("CA subject locality", l));
        organization = FieldRule.ORGANIZATION_TEXT.check("CA subject organization", organization);
        organizationalUnit = organizationalUnit.map(u -> FieldRule.ORGANIZATION_TEXT.check("CA subject organizational unit", u));
        commonName = FieldRule.ORGANIZATION_TEXT.check("CA subject common name", commonName);
    }

    public X500Name toX500Name() {
        X500NameBuilder dn = new X500NameBuilder(BCStyle.INSTANCE);
        dn.addRDN(BCStyle.C, new DERPrintableString(country));
        dn.addRDN(BCStyle.ST, new DERUTF8String(province));
        locality.ifPresent(l -> dn.addRDN(BCStyle.L, new DERUTF8String(l)));
        dn.addRDN(BCStyle.O, new DERUTF8String(organization));
        organizationalUnit.ifPresent(u -> dn.addRDN(BCStyle.OU, new DERUTF8String(u)));
        dn.addRDN(BCStyle.CN, new DERUTF8String(commonName));
        return dn.build();
    }
}
