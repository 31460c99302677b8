package org.civicca.cli.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.civicca.cli.CliException;
import org.civicca.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTests {

    @TempDir
    Path dir;

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaksAndKeepsEachRecordsLine() throws IOException {
        Path file = write("code,name\r\nso-vhttdl,\"Sở Văn hóa, Thể thao và Du lịch\"\r\nx,\"say \"\"hi\"\"\nsecond line\"\r\ny,plain\r\n");

        CsvTable table = CsvTable.read(file, List.of("code", "name"));

        assertThat(table.rows()).hasSize(3);
        assertThat(table.rows().get(0).get("name")).isEqualTo("Sở Văn hóa, Thể thao và Du lịch");
        assertThat(table.rows().get(1).get("name")).isEqualTo("say \"hi\"\nsecond line");
        assertThat(table.rows().get(2).line()).isEqualTo(5);
    }

    @Test
    void namesTheMissingColumn() throws IOException {
        Path file = write("code,title\nso-tc,x\n");

        assertThatThrownBy(() -> CsvTable.read(file, List.of("code", "name")))
                .isInstanceOfSatisfying(CliException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("line 1").contains("missing column 'name'");
                });
    }

    @Test
    void namesTheLineWithTheWrongNumberOfFields() throws IOException {
        Path file = write("a,b\n1,2\n1,2,3\n");

        assertThatThrownBy(() -> CsvTable.read(file, List.of("a", "b"))).hasMessageContaining("line 3").hasMessageContaining("3 fields");
    }

    @Test
    void refusesAnUnclosedQuoteAndTextThatIsNotUtf8() throws IOException {
        assertThatThrownBy(() -> CsvTable.read(write("a\n\"open\n"), List.of("a"))).hasMessageContaining("never closed");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, new byte[] {'a', '\n', (byte) 0xC0, '\n'});
        assertThatThrownBy(() -> CsvTable.read(latin1, List.of("a"))).hasMessageContaining("not UTF-8");
    }

    @Test
    void writesLinesThatReadBackTheSame() throws IOException {
        String line = CsvLine.of("VP-1", "Sở Văn hóa, Thể thao", "say \"hi\"");
        Path file = write("a,b,c\n" + line);

        assertThat(CsvTable.read(file, List.of("a", "b", "c")).rows().get(0).values().values())
                .containsExactly("VP-1", "Sở Văn hóa, Thể thao", "say \"hi\"");
    }

    private Path write(String text) throws IOException {
        Path file = Files.createTempFile(dir, "t", ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
