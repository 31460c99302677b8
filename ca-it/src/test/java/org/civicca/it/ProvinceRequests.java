package org.civicca.it;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicca.core.csr.CsrBuilder;
import org.civicca.core.key.KeyAlgorithm;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bodies of {@code POST /api/v1/certificates} for rows of the province's enrollment file, each with the CSR of a fresh
 * P-256 key made here and dropped: the tests that call the API directly need certificates, not keys.
 */
final class ProvinceRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String[][] OPTIONAL_SUBJECT = {{"nationalId", "national_id"}, {"title", "title"}, {"unit", "unit"},
        {"taxCode", "tax_code"}};

    private ProvinceRequests() {
    }

    static String issuance(Map<String, String> row) {
        return json(issuanceFields(row));
    }

    /** The fields of the body, for a test that changes one before sending it ({@link #json}). */
    static Map<String, Object> issuanceFields(Map<String, String> row) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("commonName", row.get("common_name"));
        subject.put("email", row.get("email"));
        for (String[] field : OPTIONAL_SUBJECT) {
            String value = row.get(field[1]);
            if (value != null && !value.isEmpty()) {
                subject.put(field[0], value);
            }
        }
        KeyAlgorithm key = KeyAlgorithm.EC_P256;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", row.get("request_id"));
        body.put("profile", row.get("profile"));
        body.put("agency", row.get("agency"));
        body.put("subject", subject);
        body.put("csr", CsrBuilder.pem(CsrBuilder.build(key.generate(RANDOM), key)));
        return body;
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
