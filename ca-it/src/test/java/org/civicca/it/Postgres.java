package org.civicca.it;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The PostgreSQL server the multi-node tests run on. CI starts one on 127.0.0.1 and names it in {@code CA_TEST_DB_URL},
 * {@code CA_TEST_DB_USER} and {@code CA_TEST_DB_PASSWORD} (a user that may create databases); without them, this JVM
 * starts one with the same script CI uses, from the machine's PostgreSQL programs (Debian's {@code postgresql}
 * package), and stops it when the JVM exits. Every test class gets a fresh database of its own.
 */
final class Postgres {

    private static Server server;

    private Postgres() {
    }

    /** A new empty database on the server, for one test class. */
    static synchronized Database newDatabase() {
        if (server == null) {
            server = Server.fromEnvironment().orElseGet(Server::startThrowaway);
        }
        String name = "civicca_it_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password())) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + server.url(), e);
        }
        return new Database(server.url().replaceFirst("/[^/]*$", "/" + name), server.user(), server.password());
    }

    /** One database: what a node needs in its environment, and a connection for the test's own checks. */
    record Database(String url, String user, String password) {

        Map<String, String> environment() {
            return Map.of("CA_DB_URL", url, "CA_DB_USER", user, "CA_DB_PASSWORD", password);
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    private record Server(String url, String user, String password) {

        static Optional<Server> fromEnvironment() {
            String url = System.getenv("CA_TEST_DB_URL");
            if (url == null || url.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new Server(url, System.getenv("CA_TEST_DB_USER"), System.getenv("CA_TEST_DB_PASSWORD")));
        }

        /** The repository's bin/throwaway-postgres.sh: a fresh cluster on a free port of 127.0.0.1, stopped at exit. */
        static Server startThrowaway() {
            Path script = Jars.repository().resolve("bin/throwaway-postgres.sh");
            Path folder = TempFolders.create("postgres");
            Tool.Output started = Tool.run(folder, "bash", script.toString(), "start");
            if (started.exitCode() != 0) {
                throw new IllegalStateException("cannot start a PostgreSQL server for the tests (install Debian's postgresql package, "
                        + "or name a server in CA_TEST_DB_URL, CA_TEST_DB_USER and CA_TEST_DB_PASSWORD)\n" + started);
            }
            Map<String, String> variables = started.text().lines().filter(line -> line.contains("="))
                    .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')), line -> line.substring(line.indexOf('=') + 1)));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                Tool.run(folder, "bash", script.toString(), "stop", variables.get("THROWAWAY_PG_DIR"));
                TempFolders.delete(folder);
            }));
            return new Server(variables.get("CA_TEST_DB_URL"), variables.get("CA_TEST_DB_USER"), variables.get("CA_TEST_DB_PASSWORD"));
        }
    }
}
