package org.civicca.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real tools (openssl, keytool, GnuTLS, NSS) against what the CA writes: combined output in UTF-8, no input,
 * a 60-second limit. Output goes through a file so a tool that hangs cannot also block the reader.
 */
public final class Processes {

    private static final long TIMEOUT_SECONDS = 60;

    private Processes() {
    }

    /** How a command ended; {@link #describe()} is the whole story for an assertion message. */
    public record Result(List<String> command, int exitCode, String output) {

        public String describe() {
            return String.join(" ", command) + "\nexit code " + exitCode + ", output:\n" + output;
        }

        /** Asserts the command exited 0; a failure shows the command and its full output. */
        public Result succeeded() {
            assertThat(exitCode).as(describe()).isZero();
            return this;
        }

        /** Asserts the command exited with a non-zero code; a failure shows the command and its full output. */
        public Result failed() {
            assertThat(exitCode).as(describe()).isNotZero();
            return this;
        }

        /** Asserts the output contains {@code text}; a failure shows the command and its full output. */
        public Result printed(String text) {
            assertThat(output).as(describe()).contains(text);
            return this;
        }
    }

    public static Result run(Path directory, String... command) {
        try {
            Path output = Files.createTempFile(directory, "process", ".out");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("LC_ALL", "C.UTF-8");
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s, output:\n"
                        + read(output));
            }
            return new Result(List.of(command), process.exitValue(), read(output));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
        }
    }

    private static String read(Path output) throws IOException {
        return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
    }

    /** Runs the command, asserts it exited 0 and returns its output. */
    public static String succeed(Path directory, String... command) {
        return run(directory, command).succeeded().output();
    }

    /** Runs the command, asserts it failed and returns its output. */
    public static String fail(Path directory, String... command) {
        return run(directory, command).failed().output();
    }
}
