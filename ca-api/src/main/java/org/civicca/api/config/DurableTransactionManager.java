package org.civicca.api.config;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Returns from a commit only once it is on disk, on every database the service runs on. PostgreSQL flushes its
 * write-ahead log at commit ({@code synchronous_commit = on}, its default). H2 writes each commit to its file before
 * returning ({@code WRITE_DELAY=0}) but leaves the flush to the operating system, where a power loss could take back
 * an acknowledged certificate: on H2 this manager forces the file to disk ({@code CHECKPOINT SYNC}) after each commit
 * of a transaction that was not read-only. With group commit one flush covers a whole group of certificates.
 */
class DurableTransactionManager extends JdbcTransactionManager {

    private final boolean flushAfterCommit;

    DurableTransactionManager(DataSource dataSource) {
        super(dataSource);
        this.flushAfterCommit = isH2(dataSource);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        super.doCommit(status);
        if (flushAfterCommit && !status.isReadOnly()) {
            Connection connection = ((JdbcTransactionObjectSupport) status.getTransaction()).getConnectionHolder().getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT SYNC");
            } catch (SQLException e) {
                throw new TransactionSystemException("the commit could not be flushed to disk", e);
            }
        }
    }

    private static boolean isH2(DataSource dataSource) {
        try {
            return "H2".equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database the service runs on", e);
        }
    }
}
