package org.civicca.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service, started as docs/operations.md deploys it: from the layout {@code bin/prepare-service} makes of
 * the jar (made once per test run), on the bean definitions generated at build time, on a free port and its own ca.home.
 */
public final class Service implements AutoCloseable {

    private static Path preparedLayout;

    private final Path home;
    private final int port;
    private final int publicationPort;
    private final Path log;
    private final Process process;

    private Service(Path home, int port, int publicationPort, Path log, Process process) {
        this.home = home;
        this.port = port;
        this.publicationPort = publicationPort;
        this.log = log;
        this.process = process;
    }

    public static Service start(Path home) {
        return start(home, freePort());
    }

    public static Service start(Path home, int port) {
        return start(home, port, home.resolve("service.log"), Map.of());
    }

    /** With service arguments ({@code --ca.api.requests-per-second=20}, say). */
    public static Service startWith(Path home, String... arguments) {
        return start(home, freePort(), home.resolve("service.log"), Map.of(), arguments);
    }

    /** With {@code -Xshare:on}: the JVM refuses to start unless it maps the layout's class-data-sharing archive. */
    public static Service startSharingClasses(Path home) {
        return start(List.of("-Xshare:on"), home, freePort(), home.resolve("service.log"), Map.of());
    }

    /** The layout of {@code bin/prepare-service}, made on first use (about half a minute) for every test of the run. */
    static synchronized Path preparedLayout() {
        if (preparedLayout == null) {
            Path layout = Path.of("target", "prepared-service").toAbsolutePath();
            // With this JVM: the archive is valid only for the JVM that made it.
            Tool.Output prepared = Tool.run(Jars.repository(), "env", "JAVA_HOME=" + System.getProperty("java.home"),
                    "bin/prepare-service", Jars.path("civicca.api.jar").toString(), layout.toString());
            if (prepared.exitCode() != 0) {
                throw new IllegalStateException(prepared.toString());
            }
            preparedLayout = layout;
        }
        return preparedLayout;
    }

    /** A node of several on one PostgreSQL database; nodes may share one ca.home, so each logs to a file of its own. */
    public static Service startOnPostgres(Path home, Path log, Postgres.Database database) {
        return start(home, freePort(), log, database.environment(), "--spring.profiles.active=postgres");
    }

    private static Service start(Path home, int port, Path log, Map<String, String> environment, String... arguments) {
        return start(List.of(), home, port, log, environment, arguments);
    }

    private static Service start(List<String> options, Path home, int port, Path log, Map<String, String> environment,
                                 String... arguments) {
        Path layout = preparedLayout();
        try {
            Files.createDirectories(home);
            int publicationPort = freePort();
            List<String> command = new ArrayList<>(List.of(Jars.java(), "-Xmx512m"));
            command.addAll(options);
            command.addAll(List.of("-XX:SharedArchiveFile=" + layout.resolve("ca-api.jsa"), "-Dspring.aot.enabled=true",
                    "-jar", layout.resolve("ca-api.jar").toString(), "--ca.home=" + home,
                    "--server.port=" + port, "--spring.config.additional-location=file:" + Jars.config() + "/",
                    "--ca.public-base-url=http://localhost:" + port, "--ca.publication.port=" + publicationPort));
            command.addAll(List.of(arguments));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Service service = new Service(home, port, publicationPort, log, builder.start());
            service.awaitReady();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url() {
        return URI.create("http://localhost:" + port);
    }

    /** The publication listener: the CRLs and CA certificates alone. */
    public URI publicationUrl() {
        return URI.create("http://localhost:" + publicationPort);
    }

    public int port() {
        return port;
    }

    public Path home() {
        return home;
    }

    public String adminToken() {
        try {
            return Files.readString(home.resolve("admin.token")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Starts the service again on the same ca.home and port, as an operator does after a crash: CLIs pointed at it keep working. */
    public Service restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("the service still runs: kill or close it first");
        }
        return start(home, port);
    }

    /** kill -9: no shutdown hook, no flush. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    @Override
    public void close() {
        process.destroy();
        waitFor();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited during start:\n" + log());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url().resolve("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200 && Files.exists(home.resolve("admin.token"))) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException("the service did not become ready in 180 s:\n" + log());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
