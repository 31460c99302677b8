package org.civicca.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code bin/prepare-service}: the fast-start layout (extracted jar, class-data-sharing archive) operators deploy. */
class PreparedServiceTests {

    private static Path folder;
    private static Path repository;

    @BeforeAll
    static void createFolder() {
        folder = TempFolders.create("prepared");
        repository = Path.of(System.getProperty("civicca.config")).toAbsolutePath().normalize().getParent();
    }

    @AfterAll
    static void deleteFolder() {
        TempFolders.delete(folder);
    }

    @Test
    void theServiceStartsWithThePreparedArchiveMappedAndIssuesCertificates() throws Exception {
        Path layout = folder.resolve("service");
        Tool.Output prepared = Tool.run(repository, "bin/prepare-service", Jars.path("civicca.api.jar").toString(), layout.toString());
        assertThat(prepared.exitCode()).as(prepared.toString()).isZero();
        assertThat(layout.resolve("ca-api.jsa")).isNotEmptyFile();
        assertThat(layout.resolve("lib")).isDirectoryContaining(jar -> jar.getFileName().toString().startsWith("bcpkix-"));

        try (Service service = Service.startPrepared(folder.resolve("home"), layout)) {
            Cli.Result agencies = new Cli(service, folder).run("agencies", "import", ProvinceData.file("agencies.csv").toString());
            assertThat(agencies.exitCode()).as(agencies.toString()).isZero();
            Api api = new Api(service);
            String serial = api.issue(ProvinceRequests.issuance(Csv.rows(ProvinceData.file("enrollment.csv")).get(0)));
            assertThat(api.statusOf(serial)).isEqualTo("ISSUED");
        }
    }

    @Test
    void aMissingJarIsRefusedWithItsName() {
        Path missing = folder.resolve("no-such.jar");
        Tool.Output refused = Tool.run(repository, "bin/prepare-service", missing.toString(), folder.resolve("unused").toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.text()).contains(missing.toString()).contains("no such file");
        assertThat(Files.exists(folder.resolve("unused"))).isFalse();
    }
}
