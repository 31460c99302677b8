package org.civicca.api.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.civicca.api.config.CaHome;
import org.civicca.api.web.ApiMessage;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.flywaydb.core.Flyway;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Takes {@link DatabaseSnapshot}s of the embedded H2 database with H2's own online backup ({@code BACKUP TO}), which
 * is transactionally consistent while the service keeps working, then opens the copy read-only to read what it holds:
 * a copy that does not open is refused here rather than found out at restore time. Other databases are refused with
 * a problem naming their own tools.
 */
@Component
class H2Snapshots {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final String DATABASE_SUFFIX = ".mv.db";

    private final JdbcTemplate jdbc;
    private final CaHome home;
    private final Environment environment;
    private final Flyway flyway;
    private final Clock clock;

    H2Snapshots(JdbcTemplate jdbc, CaHome home, Environment environment, Flyway flyway, Clock clock) {
        this.jdbc = jdbc;
        this.home = home;
        this.environment = environment;
        this.flyway = flyway;
        this.clock = clock;
    }

    DatabaseSnapshot take() {
        String product = databaseProduct();
        if (!"H2".equals(product)) {
            throw new CaException(ErrorCode.BACKUP_UNSUPPORTED, null, ApiMessage.BACKUP_USE_DATABASE_TOOLS, product);
        }
        String createdAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        Path folder = createFolder();
        DatabaseSnapshot snapshot = new DatabaseSnapshot(folder, List.of(), null);
        try {
            Path zip = folder.resolve("h2-backup.zip");
            jdbc.execute("BACKUP TO '" + zip.toString().replace("'", "''") + "'");
            List<Path> files = unzip(zip, folder.resolve("db"));
            Files.delete(zip);
            return new DatabaseSnapshot(folder, files, facts(files, createdAt));
        } catch (IOException | RuntimeException e) {
            snapshot.close();
            throw e instanceof IOException io ? new UncheckedIOException("cannot take a database snapshot", io) : (RuntimeException) e;
        }
    }

    private String databaseProduct() {
        try {
            return JdbcUtils.extractDatabaseMetaData(Objects.requireNonNull(jdbc.getDataSource()),
                    DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database this service runs on", e);
        }
    }

    private Path createFolder() {
        try {
            return Files.createTempDirectory(home.root(), ".backup-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a snapshot folder in " + home.root(), e);
        }
    }

    /** H2's backup names each database file by its plain name; anything else is not H2's and is refused. */
    private static List<Path> unzip(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        List<Path> files = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isDirectory() || !PLAIN_NAME.matcher(entry.getName()).matches()) {
                    throw new IOException("unexpected entry in the database backup: " + entry.getName());
                }
                Path file = target.resolve(entry.getName());
                Files.copy(in, file);
                files.add(file);
            }
        }
        if (files.stream().noneMatch(f -> f.getFileName().toString().endsWith(DATABASE_SUFFIX))) {
            throw new IOException("the database backup holds no " + DATABASE_SUFFIX + " file");
        }
        return List.copyOf(files);
    }

    /** Opens the copy read-only, with the service's own database credentials, and reads what it holds. */
    private DatabaseSnapshot.Facts facts(List<Path> files, String createdAt) {
        Path database = files.stream().filter(f -> f.getFileName().toString().endsWith(DATABASE_SUFFIX)).findFirst().orElseThrow();
        String name = database.getFileName().toString();
        String url = "jdbc:h2:file:" + database.resolveSibling(name.substring(0, name.length() - DATABASE_SUFFIX.length()))
                + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE";
        SingleConnectionDataSource copy = new SingleConnectionDataSource(url, environment.getProperty("spring.datasource.username", "sa"),
                environment.getProperty("spring.datasource.password", ""), true);
        try {
            JdbcClient read = JdbcClient.create(copy);
            long auditSequence = read.sql("SELECT sequence FROM audit_head WHERE id = 1").query(Long.class).single();
            List<BackupManifest.Authority> authorities = read.sql("SELECT name, crl_number FROM ca_authority ORDER BY name")
                    .query((rs, n) -> new BackupManifest.Authority(rs.getString(1), rs.getLong(2))).list();
            return new DatabaseSnapshot.Facts(createdAt, schemaVersion(), auditSequence, authorities);
        } finally {
            copy.destroy();
        }
    }

    /** Migrations run only at start, so the live schema's version is the copy's. */
    private String schemaVersion() {
        var current = flyway.info().current();
        return current == null || current.getVersion() == null ? "none" : current.getVersion().getVersion();
    }
}
