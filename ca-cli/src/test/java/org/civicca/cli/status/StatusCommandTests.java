package org.civicca.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.civicca.cli.CivicCaCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code civicca status} shows the server's verdict on each CRL: a stale one (not remade when due) and a lapsed one
 * (past its nextUpdate) are flagged and make the exit code 1. The server here is a stand-in answering the two
 * calls status makes.
 */
class StatusCommandTests {

    private static final String HOLDS = "{\"maxAgeDays\":30,\"overdue\":0,\"holds\":[]}";

    @TempDir
    Path folder;

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void freshCrlsAreNotFlagged() throws IOException {
        Run run = status(List.of(ca("vinhphuc-root", "fresh"), ca("vinhphuc-issuing", "fresh")));

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).doesNotContain("STALE", "LAPSED");
    }

    @Test
    void aStaleCrlIsFlaggedAndFailsTheStatus() throws IOException {
        Run run = status(List.of(ca("vinhphuc-root", "fresh"), ca("vinhphuc-issuing", "stale")));

        assertThat(run.exit()).as(run.out()).isEqualTo(1);
        assertThat(line(run, "vinhphuc-issuing")).endsWith("STALE");
        assertThat(line(run, "vinhphuc-root")).doesNotContain("STALE", "LAPSED");
    }

    @Test
    void aLapsedCrlIsFlaggedAsRejectedByRelyingParties() throws IOException {
        Run run = status(List.of(ca("vinhphuc-root", "lapsed"), ca("vinhphuc-issuing", "fresh")));

        assertThat(run.exit()).as(run.out()).isEqualTo(1);
        assertThat(line(run, "vinhphuc-root")).endsWith("LAPSED (relying parties reject it)");
    }

    @Test
    void theJsonDocumentCarriesTheVerdict() throws IOException {
        Run run = status(List.of(ca("vinhphuc-root", "fresh"), ca("vinhphuc-issuing", "stale")), "--json");

        JsonNode issuing = JsonMapper.builder().build().readTree(run.out()).get("cas").get(1);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(issuing.get("crlFreshness").asString()).isEqualTo("stale");
        assertThat(issuing.get("crlStale").asBoolean()).isTrue();
    }

    private static String ca(String name, String freshness) {
        return "{\"name\":\"" + name + "\",\"notAfter\":\"2036-03-02T08:00:00Z\",\"crlNumber\":3,"
                + "\"crlThisUpdate\":\"2026-03-02T08:00:00Z\",\"crlNextUpdate\":\"2026-03-03T08:00:00Z\",\"crlFreshness\":\"" + freshness
                + "\",\"crlStale\":" + !freshness.equals("fresh") + "}";
    }

    private Run status(List<String> cas, String... options) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/cas", exchange -> answer(exchange, "[" + String.join(",", cas) + "]"));
        server.createContext("/api/v1/holds", exchange -> answer(exchange, HOLDS));
        server.start();
        Path token = Files.writeString(folder.resolve("token"), "a-token");
        List<String> args = new ArrayList<>(List.of(options));
        args.addAll(List.of("--server", "http://127.0.0.1:" + server.getAddress().getPort(), "--token-file", token.toString(), "status"));
        StringWriter out = new StringWriter();
        CommandLine cli = CivicCaCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        int exit = cli.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString());
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static String line(Run run, String ca) {
        return run.out().lines().filter(line -> line.startsWith(ca)).findFirst().orElseThrow().strip();
    }

    private record Run(int exit, String out) {
    }
}
