package org.civicca.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicca.core.csv.CsvRecords;

/** Reads the CSV files the CLI writes (RFC 4180: quoted fields may hold commas and doubled quotes). */
final class Csv {

    private Csv() {
    }

    /** The data rows, each keyed by the header's column names. */
    static List<Map<String, String>> rows(Path file) {
        List<List<String>> records = records(read(file));
        List<Map<String, String>> rows = new ArrayList<>();
        if (records.isEmpty()) {
            return rows;
        }
        List<String> header = records.get(0);
        for (List<String> record : records.subList(1, records.size())) {
            if (record.size() != header.size()) {
                throw new AssertionError(file + ": a record with " + record.size() + " fields, the header has " + header.size()
                        + ": " + record);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), record.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** request_id → the value of another column, failing on a request id listed twice. */
    static Map<String, String> byRequestId(Path file, String column) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Map<String, String> row : rows(file)) {
            if (map.put(row.get("request_id"), row.get(column)) != null) {
                throw new AssertionError(file + " lists " + row.get("request_id") + " twice");
            }
        }
        return map;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<String>> records(String text) {
        return CsvRecords.parse(text).stream().map(CsvRecords.Record::fields).toList();
    }
}
