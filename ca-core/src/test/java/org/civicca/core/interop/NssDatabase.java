package org.civicca.core.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.civicca.core.Processes;

/**
 * An NSS certificate database (the store of Firefox, Thunderbird and Chrome on Linux) driven with certutil,
 * crlutil and vfychain. Every certutil command that names a certificate reads its nickname from a UTF-8 batch file
 * ({@code certutil -B}), not from the command line: the JVM encodes arguments in the locale it started with, and
 * under a plain C locale (sun.jnu.encoding ANSI_X3.4-1968) that turns every Vietnamese letter into '?'.
 */
final class NssDatabase {

    private final Path directory;
    private final String db;
    private int batches;

    private NssDatabase(Path directory) {
        this.directory = directory;
        this.db = "sql:" + directory;
    }

    /** A new, empty database with no password in {@code directory}, which must not exist yet. */
    static NssDatabase create(Path directory) {
        try {
            Files.createDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NssDatabase database = new NssDatabase(directory);
        database.run("certutil", "-N", "-d", database.db, "--empty-password").succeeded();
        return database;
    }

    /** Imports a certificate as a trust anchor for TLS, e-mail and code signing ({@code CT,C,C}). */
    NssDatabase trust(String nickname, String pemFile) {
        tryAdd(nickname, "CT,C,C", pemFile).succeeded();
        return this;
    }

    /** Imports a certificate with no trust of its own ({@code ,,}): an intermediate or a subscriber certificate. */
    NssDatabase add(String nickname, String pemFile) {
        tryAdd(nickname, ",,", pemFile).succeeded();
        return this;
    }

    /** {@code certutil -A}, whatever its outcome. */
    Processes.Result tryAdd(String nickname, String trust, String pemFile) {
        return batch("-A -n \"" + nickname + "\" -t \"" + trust + "\" -i " + pemFile);
    }

    /** Imports a DER CRL without -B, so crlutil checks its signature against the CA certificate in the database. */
    NssDatabase addCrl(String derFile) {
        run("crlutil", "-I", "-d", db, "-i", derFile).succeeded();
        return this;
    }

    /** {@code certutil -V}: usage C (SSL client), S (e-mail signer), R (e-mail recipient)... */
    Processes.Result verify(String nickname, String usage) {
        return batch("-V -n \"" + nickname + "\" -u " + usage);
    }

    /** vfychain with the PKIX verifier, SSL-client usage, and CRL checks of the leaf and of the chain, plus {@code flags}. */
    Processes.Result verifyChain(String leafDer, String issuingDer, String... flags) {
        List<String> command = new ArrayList<>(List.of("vfychain", "-d", db, "-pp", "-u", "0"));
        for (String test : List.of("leaf", "chain")) {
            command.addAll(List.of("-g", test, "-m", "crl"));
            command.addAll(List.of(flags));
        }
        command.addAll(List.of(leafDer, issuingDer));
        return run(command.toArray(String[]::new));
    }

    /** vfychain with the PKIX verifier and SSL-client usage, trusting {@code rootDer} (given on the command line) alone. */
    Processes.Result verifyChainTrusting(String leafDer, String issuingDer, String rootDer) {
        return run("vfychain", "-d", db, "-pp", "-u", "0", leafDer, issuingDer, "-t", rootDer);
    }

    /** {@code certutil -L}: the nicknames and trust of every certificate. */
    Processes.Result list() {
        return run("certutil", "-L", "-d", db);
    }

    /** {@code certutil -L -n}: one certificate, pretty-printed. */
    Processes.Result show(String nickname) {
        return batch("-L -n \"" + nickname + "\"");
    }

    /** One certutil command read from a UTF-8 file; the assertion messages show the line as well as the command. */
    private Processes.Result batch(String line) {
        try {
            Path file = Files.writeString(directory.resolve("certutil-batch-" + ++batches + ".txt"), line + "\n", StandardCharsets.UTF_8);
            Processes.Result result = run("certutil", "-B", "-d", db, "-i", file.toString());
            List<String> shown = new ArrayList<>(result.command());
            shown.add("(" + file.getFileName() + ": " + line + ")");
            return new Processes.Result(shown, result.exitCode(), result.output());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Processes.Result run(String... command) {
        return Processes.run(directory, command);
    }
}
