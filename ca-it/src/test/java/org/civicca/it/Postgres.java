package org.civicca.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The PostgreSQL server the multi-node tests run on. CI starts one on 127.0.0.1 and names it in {@code CA_TEST_DB_URL},
 * {@code CA_TEST_DB_USER} and {@code CA_TEST_DB_PASSWORD} (a user that may create databases); without them, this JVM
 * starts a throwaway cluster from the machine's PostgreSQL programs (Debian's {@code postgresql} package) and stops
 * it when the JVM exits. Every test class gets a fresh database of its own.
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

        /** initdb + pg_ctl in a temporary folder, on a free port of 127.0.0.1, as the postgres user when run as root. */
        static Server startThrowaway() {
            Path bin = binaries();
            Path folder = TempFolders.create("postgres");
            Path data = folder.resolve("data");
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            int port = Service.freePort();
            try {
                Path passwordFile = folder.resolve("password");
                Files.writeString(passwordFile, password + "\n");
                if (isRoot()) {
                    UserPrincipal postgres = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                    Files.setOwner(folder, postgres);
                    Files.setOwner(passwordFile, postgres);
                }
                run(folder, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "civicca", "--pwfile=" + passwordFile,
                        "-A", "scram-sha-256", "-E", "UTF8", "--no-sync");
                run(folder, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", folder.resolve("server.log").toString(),
                        "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -k " + folder, "-w", "start");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                run(folder, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop");
                TempFolders.delete(folder);
            }));
            return new Server("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "civicca", password);
        }

        private static Path binaries() {
            try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
                return versions.map(version -> version.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                        .max(Path::compareTo)
                        .orElseThrow(() -> new IllegalStateException("no PostgreSQL server programs: install Debian's postgresql package"));
            } catch (IOException e) {
                throw new IllegalStateException("no PostgreSQL server programs: install Debian's postgresql package, "
                        + "or name a server in CA_TEST_DB_URL, CA_TEST_DB_USER and CA_TEST_DB_PASSWORD", e);
            }
        }

        private static boolean isRoot() {
            return "root".equals(System.getProperty("user.name"));
        }

        private static void run(Path folder, String... command) {
            List<String> line = new ArrayList<>();
            if (isRoot()) {
                line.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            line.addAll(List.of(command));
            Tool.Output output = Tool.run(folder, line.toArray(String[]::new));
            if (output.exitCode() != 0) {
                throw new IllegalStateException("cannot start the test PostgreSQL server\n" + output);
            }
        }
    }
}
