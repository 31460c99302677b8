package org.civicca.cli.enroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.civicca.cli.CliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTests {

    @TempDir
    Path dir;

    @Test
    void fileNamesStayInsideTheFolderAndNeverCollide() {
        try (OutputFolder folder = OutputFolder.open(dir.resolve("out"))) {
            Path plain = folder.p12("so-tc", "VP-2021-00001");
            Path odd = folder.p12("so-tc", "VP:2021:00001");
            Path lookalike = folder.p12("so-tc", "VP_2021_00001");

            assertThat(plain.getFileName()).hasToString("VP-2021-00001.p12");
            assertThat(odd.getParent()).isEqualTo(folder.root().resolve("so-tc"));
            assertThat(odd).isNotEqualTo(lookalike);
            assertThat(OutputFolder.safeName("..")).doesNotContain("..").doesNotContain("/");
        }
    }

    @Test
    void aPasswordOnceGivenIsKeptForTheRerunAndTheFilesAreOwnerOnly() throws Exception {
        Path out = dir.resolve("out");
        String first;
        try (OutputFolder folder = OutputFolder.open(out)) {
            first = folder.passwordFor("VP-1", () -> "first-password");
            folder.recordDone("VP-1", "0a1b", "so-tc/VP-1.p12", "2028-01-01T00:00:00Z", "ISSUED");
        }
        try (OutputFolder again = OutputFolder.open(out)) {
            assertThat(again.passwordFor("VP-1", () -> "a-second-password")).isEqualTo(first);
            assertThat(again.isDone("VP-1")).isTrue();
            assertThat(again.isDone("VP-2")).isFalse();
        }
        for (String name : new String[] {"passwords.csv", "manifest.csv"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(name)))).isEqualTo("rw-------");
        }
        assertThat(Files.readAllLines(out.resolve("passwords.csv"))).containsExactly("request_id,password", "VP-1,first-password");
    }

    @Test
    void twoEnrollsCannotWriteToOneFolderAtOnce() {
        try (OutputFolder ignored = OutputFolder.open(dir.resolve("out"))) {
            assertThatThrownBy(() -> OutputFolder.open(dir.resolve("out"))).isInstanceOf(CliException.class)
                    .hasMessageContaining("another enroll");
        }
    }

    @Test
    void aRerunRemovesTemporaryFilesAKilledRunLeftAndKeepsAgencyFoldersOwnerOnly() throws Exception {
        Path out = dir.resolve("out");
        Path agency;
        try (OutputFolder folder = OutputFolder.open(out)) {
            agency = folder.p12("so-tc", "VP-1").getParent();
        }
        Path leftover = Files.createFile(agency.resolve(".VP-1.p12123456.tmp"));
        Path finished = Files.createFile(agency.resolve("VP-2.p12"));

        try (OutputFolder ignored = OutputFolder.open(out)) {
            assertThat(leftover).doesNotExist();
            assertThat(finished).exists();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(agency))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(".lock")))).isEqualTo("rw-------");
    }
}
