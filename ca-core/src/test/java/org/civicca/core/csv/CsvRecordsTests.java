package org.civicca.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.civicca.core.CaException;
import org.junit.jupiter.api.Test;

class CsvRecordsTests {

    @Test
    void readsQuotedCommasQuotesAndLineBreaksKeepingEachRecordsFirstLine() {
        List<CsvRecords.Record> records = CsvRecords.parse(
                "code,name\r\nso-vhttdl,\"Sở Văn hóa, Thể thao và Du lịch\"\r\nx,\"say \"\"hi\"\"\nsecond line\"\r\ny,plain");

        assertThat(records).extracting(CsvRecords.Record::line).containsExactly(1, 2, 3, 5);
        assertThat(records.get(1).fields()).containsExactly("so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch");
        assertThat(records.get(2).fields()).containsExactly("x", "say \"hi\"\nsecond line");
        assertThat(records.get(3).fields()).containsExactly("y", "plain");
    }

    @Test
    void keepsEmptyFieldsAndSeesBlankLines() {
        List<CsvRecords.Record> records = CsvRecords.parse("a,b,c\n,,\n\n");

        assertThat(records.get(1).fields()).containsExactly("", "", "");
        assertThat(records.get(2).isBlank()).isTrue();
    }

    @Test
    void dropsAByteOrderMark() {
        assertThat(CsvRecords.parse("\uFEFFa,b\n").get(0).fields()).containsExactly("a", "b");
    }

    @Test
    void namesTheLineOfAQuoteNeverClosed() {
        assertThatThrownBy(() -> CsvRecords.parse("a\n\"open\nmore")).isInstanceOf(CaException.class)
                .hasMessageContaining("line 2");
    }
}
