package org.civicca.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged CLI, run as {@code java -jar ca-cli.jar ...} (its libraries in lib/ beside it) with the token in CA_TOKEN, output captured. */
public final class Cli {

    private final Service service;
    private final Path workDirectory;

    public Cli(Service service, Path workDirectory) {
        this.service = service;
        this.workDirectory = workDirectory;
    }

    /** Runs to completion (at most 10 minutes), in an English locale. */
    public Result run(String... args) {
        Running running = start(args);
        return running.await();
    }

    /** Imports the province's 39 agencies, as every enrollment needs first; fails the set-up if the import fails. */
    public void importAgencies() {
        Result agencies = run("agencies", "import", ProvinceData.file("agencies.csv").toString());
        if (agencies.exitCode() != 0) {
            throw new IllegalStateException("cannot import the agencies\n" + agencies);
        }
    }

    /** Runs {@code civicca audit verify} and checks that it finds the audit chain intact. */
    public void assertAuditChainIntact() {
        Result verify = run("audit", "verify");
        if (verify.exitCode() != 0 || !verify.out().contains("audit chain intact")) {
            throw new AssertionError("the audit chain does not verify\n" + verify);
        }
    }

    /** Runs to completion with these environment variables added, e.g. {@code LANG}. */
    public Result runWith(Map<String, String> environment, String... args) {
        return start(environment, args).await();
    }

    /** Starts without waiting, e.g. to kill it mid-run. */
    public Running start(String... args) {
        return start(Map.of(), args);
    }

    private Running start(Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(Jars.java(), "-jar", Jars.path("civicca.cli.jar").toString(),
                "--server", service.url().toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(workDirectory, "cli", ".out");
            Path err = Files.createTempFile(workDirectory, "cli", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().put("CA_TOKEN", service.adminToken());
            // The CLI speaks the environment's language; tests that expect English must not depend on the machine's.
            builder.environment().keySet().removeAll(List.of("LC_ALL", "LC_MESSAGES"));
            builder.environment().put("LANG", "C");
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            return new Running(String.join(" ", args), process, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CLI process in flight. */
    public record Running(String args, Process process, Path out, Path err) {

        public Result await() {
            try {
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("civicca " + args + " did not finish in 10 minutes");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return new Result(args, process.exitValue(), read(out), read(err));
        }

        /** kill -9. */
        public void kill() {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public record Result(String args, int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "$ civicca " + args + "\n(exit " + exitCode + ")\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
