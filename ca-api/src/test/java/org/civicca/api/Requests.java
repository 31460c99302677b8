package org.civicca.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.civicca.core.key.KeyAlgorithm;

/** Request bodies for {@code POST /api/v1/certificates}, built from the province's data. */
public final class Requests {

    private Requests() {
    }

    /** A personal certificate request for a Vietnamese official of so-tc with a fresh key. */
    public static Map<String, Object> personal(KeyAlgorithm key) {
        return personal("Nguyễn Thị Ánh", TestCsrs.csrPem(key));
    }

    public static Map<String, Object> personal(String commonName, String csr) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("commonName", commonName);
        subject.put("email", "anhnt." + UUID.randomUUID().toString().substring(0, 8) + "@vinhphuc.gov.vn");
        subject.put("nationalId", "026199482708");
        subject.put("title", "Chuyên viên");
        subject.put("unit", "Phòng Ngân sách");
        return body("personal", "so-tc", subject, csr);
    }

    /** A request from one row of enrollment.csv, with requestId = the row's request_id. */
    public static Map<String, Object> fromRow(Map<String, String> row, String csr) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("commonName", row.get("common_name"));
        subject.put("email", row.get("email"));
        putIfSet(subject, "nationalId", row.get("national_id"));
        putIfSet(subject, "title", row.get("title"));
        putIfSet(subject, "unit", row.get("unit"));
        putIfSet(subject, "taxCode", row.get("tax_code"));
        Map<String, Object> body = body(row.get("profile"), row.get("agency"), subject, csr);
        body.put("requestId", row.get("request_id"));
        return body;
    }

    public static Map<String, Object> body(String profile, String agency, Map<String, Object> subject, String csr) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("profile", profile);
        body.put("agency", agency);
        body.put("subject", subject);
        body.put("csr", csr);
        return body;
    }

    private static void putIfSet(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }
}
