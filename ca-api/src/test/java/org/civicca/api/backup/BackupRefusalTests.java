package org.civicca.api.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.civicca.api.config.CaHome;
import org.civicca.api.web.ProblemTypes;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.message.Messages;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

/** A service on PostgreSQL does not pretend to back up its database: it says which tools do, and writes nothing. */
class BackupRefusalTests {

    @TempDir
    Path home;

    @Test
    void aServiceOnPostgresqlRefusesWithAProblemNamingPgDump() throws SQLException {
        DataSource postgres = mock(DataSource.class);
        Connection connection = mock(Connection.class);
        DatabaseMetaData metaData = mock(DatabaseMetaData.class);
        when(postgres.getConnection()).thenReturn(connection);
        when(connection.getMetaData()).thenReturn(metaData);
        when(metaData.getDatabaseProductName()).thenReturn("PostgreSQL");
        H2Snapshots snapshots = new H2Snapshots(new JdbcTemplate(postgres), new CaHome(home), new MockEnvironment(),
                mock(Flyway.class), Clock.systemUTC());

        assertThatThrownBy(snapshots::take).isInstanceOfSatisfying(CaException.class, refusal -> {
            assertThat(refusal.code()).isEqualTo(ErrorCode.BACKUP_UNSUPPORTED);
            assertThat(refusal.detail(Messages.ENGLISH)).contains("PostgreSQL").contains("pg_dump");
        });
        assertThat(ProblemTypes.status(ErrorCode.BACKUP_UNSUPPORTED)).isEqualTo(HttpStatus.CONFLICT);
        assertThat(home).isEmptyDirectory();
    }
}
