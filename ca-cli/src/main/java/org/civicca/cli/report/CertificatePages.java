package org.civicca.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicca.cli.client.CaClient;
import org.civicca.cli.client.Wire;

/** Reads every page of a certificate listing. */
final class CertificatePages {

    private static final int PAGE_SIZE = 1000;

    private CertificatePages() {
    }

    static List<Wire.Certificate> all(CaClient client, Map<String, String> filter) {
        List<Wire.Certificate> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Map<String, String> query = new LinkedHashMap<>(filter);
            query.put("page", String.valueOf(page));
            query.put("size", String.valueOf(PAGE_SIZE));
            Wire.CertificatePage result = client.certificates(query);
            all.addAll(result.items());
            if (result.items().size() < PAGE_SIZE || all.size() >= result.total()) {
                return all;
            }
        }
    }
}
