package org.civicca.cli.csv;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicca.cli.CliException;
import org.civicca.core.csv.CsvRecords;

/**
 * A CSV file read whole (RFC 4180, by ca-core's {@link CsvRecords}): a header line, then records keyed by it. Each
 * record keeps the line it starts on, so errors can name it; every input error is a usage error naming file and line.
 */
public record CsvTable(Path file, List<String> header, List<Row> rows) {

    /** One record; {@code line} is its first line in the file (the header is line 1). */
    public record Row(int line, Map<String, String> values) {

        public String get(String column) {
            String value = values.get(column);
            return value == null ? "" : value;
        }
    }

    public static CsvTable read(Path file, List<String> requiredColumns) {
        List<CsvRecords.Record> records;
        try {
            records = CsvRecords.parse(text(file));
        } catch (IllegalArgumentException e) {
            throw CliException.usage(file + ": " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw CliException.usage(file + ": empty file, expected a header line");
        }
        List<String> header = records.get(0).fields().stream().map(String::strip).toList();
        for (String column : requiredColumns) {
            if (!header.contains(column)) {
                throw CliException.usage(file + ": line 1: missing column '" + column + "' (required: " + String.join(",", requiredColumns) + ")");
            }
        }
        return new CsvTable(file, header, rows(file, header, records.subList(1, records.size())));
    }

    private static List<Row> rows(Path file, List<String> header, List<CsvRecords.Record> records) {
        List<Row> rows = new ArrayList<>();
        for (CsvRecords.Record record : records) {
            if (record.isBlank()) {
                continue;
            }
            if (record.fields().size() != header.size()) {
                throw CliException.usage(file + ": line " + record.line() + ": " + record.fields().size() + " fields, the header has "
                        + header.size());
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                values.put(header.get(i), record.fields().get(i));
            }
            rows.add(new Row(record.line(), values));
        }
        return rows;
    }

    private static String text(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw CliException.usage(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw CliException.usage("cannot read " + file + ": " + e.getClass().getSimpleName());
        }
    }
}
