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

/**
 * An RFC 4180 CSV file read whole: a header line, then records whose fields may be quoted (commas, quotes and
 * line breaks inside quotes). Each record keeps the line it starts on, so errors can name it.
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
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw CliException.usage(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw CliException.usage("cannot read " + file + ": " + e.getClass().getSimpleName());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Record> records = new CsvParser(file, text).records();
        if (records.isEmpty()) {
            throw CliException.usage(file + ": empty file, expected a header line");
        }
        List<String> header = records.get(0).fields().stream().map(String::strip).toList();
        for (String column : requiredColumns) {
            if (!header.contains(column)) {
                throw CliException.usage(file + ": line 1: missing column '" + column + "' (required: " + String.join(",", requiredColumns) + ")");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Record record : records.subList(1, records.size())) {
            if (record.fields().size() == 1 && record.fields().get(0).isEmpty()) {
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
        return new CsvTable(file, header, rows);
    }

    record Record(int line, List<String> fields) {
    }
}
