package org.civicca.api;

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

/** The province's realistic data from the shared data folder (read-only), parsed as RFC 4180 CSV. */
public final class ProvinceData {

    private ProvinceData() {
    }

    public static Path folder() {
        String configured = System.getProperty("civicca.shared-data");
        Path folder = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data");
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("province data not found at " + folder.toAbsolutePath());
        }
        return folder;
    }

    public static List<Map<String, String>> agencies() {
        return read("agencies.csv");
    }

    public static List<Map<String, String>> enrollment() {
        return read("enrollment.csv");
    }

    public static List<Map<String, String>> enrollmentWithErrors() {
        return read("enrollment-with-errors.csv");
    }

    public static List<Map<String, String>> read(String file) {
        try {
            List<List<String>> records = parse(Files.readString(folder().resolve(file), StandardCharsets.UTF_8));
            List<String> header = records.get(0);
            List<Map<String, String>> rows = new ArrayList<>();
            for (List<String> record : records.subList(1, records.size())) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < record.size() ? record.get(i) : "");
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<String>> parse(String text) {
        return CsvRecords.parse(text).stream().filter(r -> !r.isBlank()).map(CsvRecords.Record::fields).toList();
    }
}
