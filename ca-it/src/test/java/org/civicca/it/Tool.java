package org.civicca.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An external tool (openssl, keytool, certutil, pk12util) run to completion, stdout and stderr captured together. */
final class Tool {

    private Tool() {
    }

    /** The tool's exit code and its merged output, as bytes (OpenSSL may print bytes that are not UTF-8) and as text. */
    record Output(String command, int exitCode, byte[] bytes) {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "$ " + command + "\n(exit " + exitCode + ")\n" + text();
        }
    }

    static Output run(Path directory, String... command) {
        try {
            Path capture = Files.createTempFile(directory, "tool", ".out");
            Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(capture.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            process.getOutputStream().close();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
            }
            byte[] bytes = Files.readAllBytes(capture);
            Files.delete(capture);
            return new Output(String.join(" ", command), process.exitValue(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
