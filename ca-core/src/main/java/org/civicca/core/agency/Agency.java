package org.civicca.core.agency;

import org.civicca.core.subject.FieldRule;

/**
 * An agency of the province: its short code (used in the API, CSV files and file names), its name (the
 * certificate's {@code O}), its tax code ({@code UID=MST:}) and its locality ({@code L}). Values are checked
 * and NFC-normalized on construction, so an {@code Agency} always holds what may go into a certificate.
 */
public record Agency(String code, String name, String taxCode, String locality) {

    public Agency {
        code = FieldRule.AGENCY_CODE.check("code", code);
        name = FieldRule.ORGANIZATION_TEXT.check("name", name);
        taxCode = FieldRule.TAX_CODE.check("taxCode", taxCode);
        locality = FieldRule.ORGANIZATION_TEXT.check("locality", locality);
    }
}
