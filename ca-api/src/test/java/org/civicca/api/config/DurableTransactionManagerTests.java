package org.civicca.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** On H2, a commit returns only after the database file is forced to disk; reading needs no flush. */
class DurableTransactionManagerTests {

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private RecordingDataSource dataSource;
    private TransactionTemplate transactions;
    private JdbcClient jdbc;

    @BeforeEach
    void openDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource = new RecordingDataSource(h2);
        transactions = new TransactionTemplate(new DurableTransactionManager(dataSource));
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE note (text VARCHAR(64))").update();
        statements.clear();
    }

    @Test
    void committedWriteIsFlushedBeforeTheCommitReturns() {
        transactions.executeWithoutResult(status -> jdbc.sql("INSERT INTO note VALUES ('issued')").update());

        assertThat(statements).containsExactly("CHECKPOINT SYNC");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM note").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void readOnlyTransactionIsNotFlushed() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions.getTransactionManager());
        readOnly.setReadOnly(true);

        readOnly.executeWithoutResult(status -> jdbc.sql("SELECT COUNT(*) FROM note").query(Long.class).single());

        assertThat(statements).isEmpty();
    }

    @Test
    void rolledBackTransactionIsNotFlushed() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO note VALUES ('refused')").update();
            status.setRollbackOnly();
        });

        assertThat(statements).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM note").query(Long.class).single()).isZero();
    }

    /** Records the SQL run through {@link Connection#createStatement()}, the way the manager flushes. */
    private final class RecordingDataSource extends DelegatingDataSource {

        RecordingDataSource(JdbcDataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, arguments) -> {
                        Object result = invoke(method, connection, arguments);
                        return result instanceof Statement statement && method.getName().equals("createStatement")
                                ? recording(statement) : result;
                    });
        }

        private Statement recording(Statement statement) {
            return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                    (proxy, method, arguments) -> {
                        if (method.getName().equals("execute") && arguments != null && arguments.length == 1) {
                            statements.add((String) arguments[0]);
                        }
                        return invoke(method, statement, arguments);
                    });
        }

        private static Object invoke(java.lang.reflect.Method method, Object target, Object[] arguments) throws Throwable {
            try {
                return method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
