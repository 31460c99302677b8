package org.civicca.cli.enroll;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicca.cli.csv.CsvTable;
import org.civicca.core.subject.SubjectFields;

/** One row of an enrollment CSV as written, with the line it came from. */
record EnrollmentRow(int line, String requestId, String profile, String agency, String commonName, String email, String nationalId,
                     String title, String unit, String taxCode) {

    static final List<String> COLUMNS = List.of("request_id", "profile", "agency", "common_name", "email",
            "national_id", "title", "unit", "tax_code");

    static EnrollmentRow of(CsvTable.Row row) {
        return new EnrollmentRow(row.line(), row.get("request_id").strip(), row.get("profile").strip(), row.get("agency").strip(),
                row.get("common_name"), row.get("email"), row.get("national_id"), row.get("title"), row.get("unit"), row.get("tax_code"));
    }

    SubjectFields subject() {
        return new SubjectFields(commonName, email, nationalId, title, unit, taxCode);
    }

    /** Same request, whatever line it stands on. */
    boolean sameContentAs(EnrollmentRow other) {
        return withLine(0).equals(other.withLine(0));
    }

    /** The request body for {@code POST /api/v1/certificates}: requestId is the row's request_id. */
    Map<String, Object> requestBody(String csrPem) {
        Map<String, Object> subject = new LinkedHashMap<>();
        put(subject, "commonName", commonName);
        put(subject, "email", email);
        put(subject, "nationalId", nationalId);
        put(subject, "title", title);
        put(subject, "unit", unit);
        put(subject, "taxCode", taxCode);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId);
        body.put("profile", profile);
        body.put("agency", agency);
        body.put("subject", subject);
        body.put("csr", csrPem);
        return body;
    }

    /** The CSV column behind a field the server or the rules name ({@code subject.commonName} → {@code common_name}). */
    static String column(String field) {
        if (field == null) {
            return "-";
        }
        return switch (field.replaceFirst("^subject\\.", "")) {
            case "commonName" -> "common_name";
            case "nationalId" -> "national_id";
            case "taxCode" -> "tax_code";
            case "requestId" -> "request_id";
            case "csr" -> "key";
            default -> field.replaceFirst("^subject\\.", "");
        };
    }

    private EnrollmentRow withLine(int number) {
        return new EnrollmentRow(number, requestId, profile, agency, commonName, email, nationalId, title, unit, taxCode);
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
