package org.civicca.core.csv;

import java.util.ArrayList;
import java.util.List;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.message.CoreMessage;

/**
 * RFC 4180 records: fields separated by commas, quoted fields that may hold commas, line breaks and doubled quotes,
 * records ended by CRLF or LF. Each record keeps the line it starts on, so whoever reports an error can name it.
 * The province's data (agencies, enrollments) arrives in this form; the CLI and the tests read it with this class.
 */
public final class CsvRecords {

    /** One record and the 1-based line it starts on. */
    public record Record(int line, List<String> fields) {

        public Record {
            fields = List.copyOf(fields);
        }

        /** A record made of one empty field: a blank line. */
        public boolean isBlank() {
            return fields.size() == 1 && fields.get(0).isEmpty();
        }
    }

    private final String text;
    private final List<Record> records = new ArrayList<>();
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private int position;
    private int line = 1;
    private int recordLine = 1;

    private CsvRecords(String text) {
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * @throws CaException naming the line when a quoted field is never closed
     */
    public static List<Record> parse(String text) {
        return new CsvRecords(text).all();
    }

    private List<Record> all() {
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"' && field.length() == 0) {
                quoted();
            } else if (c == ',') {
                endField();
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && peek('\n')) {
                    position++;
                }
                endRecord();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            endRecord();
        }
        return records;
    }

    /** Reads a quoted field's content up to its closing quote. */
    private void quoted() {
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"' && peek('"')) {
                field.append('"');
                position++;
            } else if (c == '"') {
                return;
            } else {
                line += c == '\n' ? 1 : 0;
                field.append(c);
            }
        }
        throw new CaException(ErrorCode.MALFORMED_REQUEST, null, CoreMessage.CSV_UNCLOSED_QUOTE, recordLine);
    }

    private boolean peek(char expected) {
        return position < text.length() && text.charAt(position) == expected;
    }

    private void endField() {
        fields.add(field.toString());
        field.setLength(0);
    }

    private void endRecord() {
        endField();
        records.add(new Record(recordLine, fields));
        fields.clear();
    }
}
