package org.civicca.api.crl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.civicca.api.CivicCaApplication;
import org.civicca.api.TestHomes;
import org.civicca.api.Waits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The publication listener's limits, on a service of its own: connections beyond {@code ca.publication.max-connections}
 * are closed as they arrive, and one with nothing read or written for {@code ca.publication.idle-timeout} is closed.
 */
class PublicationListenerLimitsTests {

    private static ConfigurableApplicationContext service;
    private static PublicationListener listener;

    @BeforeAll
    static void start() {
        Path home = TestHomes.create("civicca-publication-limits");
        service = new SpringApplicationBuilder(CivicCaApplication.class).run("--server.port=0", "--ca.home=" + home,
                "--ca.public-base-url=http://ca.test", "--ca.publication.port=0", "--ca.publication.max-connections=2",
                "--ca.publication.idle-timeout=3s");
        listener = service.getBean(PublicationListener.class);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aConnectionBeyondTheLimitIsClosedAndOneIsTakenAgainOnceAnotherCloses() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Socket socket = new Socket("localhost", listener.port());
                held.add(socket);
                assertThat(statusOf(socket)).isEqualTo("HTTP/1.1 200 OK");
            }

            try (Socket beyond = new Socket("localhost", listener.port())) {
                assertThat(closedWithoutAnswer(beyond)).as("the third connection").isTrue();
            }

            held.remove(0).close();
            Waits.until(() -> listener.connections() < 2, Duration.ofSeconds(10), "the closed connection to be counted out");
            try (Socket again = new Socket("localhost", listener.port())) {
                assertThat(statusOf(again)).isEqualTo("HTTP/1.1 200 OK");
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void anIdleConnectionIsClosed() throws Exception {
        try (Socket idle = new Socket("localhost", listener.port())) {
            idle.setSoTimeout(10_000);
            long started = System.nanoTime();

            assertThat(idle.getInputStream().read()).as("end of stream").isEqualTo(-1);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(2_900);
        }
    }

    /** The status line of a GET of the root CA's certificate sent on the socket, which stays open. */
    private static String statusOf(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write("GET /ca/vinhphuc-root.crt HTTP/1.1\r\nHost: ca.test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1 && b != '\r'; b = in.read()) {
            line.append((char) b);
        }
        return line.toString();
    }

    private static boolean closedWithoutAnswer(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        try {
            socket.getOutputStream().write("GET /ca/vinhphuc-root.crt HTTP/1.1\r\nHost: ca.test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return socket.getInputStream().read() == -1;
        } catch (IOException reset) {
            return true; // closed before the request could be written or read: as refused as a clean close
        }
    }
}
