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
import org.civicca.cli.CliMessage;
import org.civicca.core.CaException;
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
        } catch (CaException e) {
            throw CliException.usage(CliMessage.CSV_PROBLEM, file, e);
        }
        if (records.isEmpty()) {
            throw CliException.usage(CliMessage.CSV_EMPTY, file);
        }
        List<String> header = records.get(0).fields().stream().map(String::strip).toList();
        for (String column : requiredColumns) {
            if (!header.contains(column)) {
                throw CliException.usage(CliMessage.CSV_MISSING_COLUMN, file, column, String.join(",", requiredColumns));
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
                throw CliException.usage(CliMessage.CSV_FIELD_COUNT, file, record.line(), record.fields().size(), header.size());
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
            throw CliException.usage(CliMessage.CSV_NOT_UTF8, file);
        } catch (IOException e) {
            throw CliException.usage(CliMessage.CSV_UNREADABLE, file, e.getClass().getSimpleName());
        }
    }
}
