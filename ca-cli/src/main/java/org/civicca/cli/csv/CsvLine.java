package org.civicca.cli.csv;

import java.util.List;
import java.util.stream.Collectors;

/** Writes one RFC 4180 record, quoting fields that need it. */
public final class CsvLine {

    private CsvLine() {
    }

    public static String of(List<String> fields) {
        return fields.stream().map(CsvLine::field).collect(Collectors.joining(",")) + "\n";
    }

    public static String of(String... fields) {
        return of(List.of(fields));
    }

    private static String field(String value) {
        String text = value == null ? "" : value;
        boolean quote = text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
