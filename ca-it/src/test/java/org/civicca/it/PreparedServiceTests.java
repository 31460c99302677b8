package org.civicca.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/prepare-service}: the fast-start layout (extracted jar, class-data-sharing archive) operators deploy and
 * every end-to-end test starts the service from.
 */
class PreparedServiceTests {

    private static Path folder;

    @BeforeAll
    static void createFolder() {
        folder = TempFolders.create("prepared");
    }

    @AfterAll
    static void deleteFolder() {
        TempFolders.delete(folder);
    }

    @Test
    void theLayoutHoldsTheExtractedJarAndAClassDataSharingArchive() {
        Path layout = Service.preparedLayout();
        assertThat(layout.resolve("ca-api.jsa")).isNotEmptyFile();
        assertThat(layout.resolve("ca-api.jar")).isNotEmptyFile();
        assertThat(layout.resolve("lib")).isDirectoryContaining(jar -> jar.getFileName().toString().startsWith("bcpkix-"));
    }

    @Test
    void theServiceStartsWithTheArchiveMappedAndIssuesCertificates() throws Exception {
        try (Service service = Service.startSharingClasses(folder.resolve("home"))) {
            Cli.Result agencies = new Cli(service, folder).run("agencies", "import", ProvinceData.file("agencies.csv").toString());
            assertThat(agencies.exitCode()).as(agencies.toString()).isZero();
            Api api = new Api(service);
            String serial = api.issue(ProvinceRequests.issuance(Csv.rows(ProvinceData.file("enrollment.csv")).get(0)));
            assertThat(api.statusOf(serial)).isEqualTo("ISSUED");
        }
    }

    @Test
    void aFolderHoldingSomethingElseIsNeverReplaced() throws Exception {
        Path elsewhere = Files.createDirectories(folder.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("notes.txt"), "keep me");
        Tool.Output refused = Tool.run(Jars.repository(), "bin/prepare-service", Jars.path("civicca.api.jar").toString(), elsewhere.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.text()).contains(elsewhere.toString());
        assertThat(elsewhere.resolve("notes.txt")).hasContent("keep me");
    }

    @Test
    void aMissingJarIsRefusedWithItsName() {
        Path missing = folder.resolve("no-such.jar");
        Tool.Output refused = Tool.run(Jars.repository(), "bin/prepare-service", missing.toString(), folder.resolve("unused").toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.text()).contains(missing.toString()).contains("no such file");
        assertThat(Files.exists(folder.resolve("unused"))).isFalse();
    }
}
