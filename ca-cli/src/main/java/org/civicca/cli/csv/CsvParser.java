package org.civicca.cli.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.civicca.cli.CliException;

/** The RFC 4180 tokenizer behind {@link CsvTable}. */
final class CsvParser {

    private final Path file;
    private final String text;

    CsvParser(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    List<CsvTable.Record> records() {
        List<CsvTable.Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(new CsvTable.Record(recordLine, List.copyOf(fields)));
                fields.clear();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw CliException.usage(file + ": line " + recordLine + ": a quoted field is never closed");
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new CsvTable.Record(recordLine, List.copyOf(fields)));
        }
        return records;
    }
}
