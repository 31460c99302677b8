package org.civicca.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.civicca.cli.client.CaClient;
import org.civicca.core.message.Messages;
import picocli.CommandLine;

/** Where a command's results go: plain lines for people, one JSON document with --json. */
public final class Output {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final Locale language;

    public Output(CommandLine.Model.CommandSpec spec) {
        this.out = spec.commandLine().getOut();
        this.err = spec.commandLine().getErr();
        this.json = CivicCaCommand.global(spec).json();
        this.language = CivicCaCommand.global(spec).language();
    }

    public boolean json() {
        return json;
    }

    public Locale language() {
        return language;
    }

    /** A message of the catalogue in the CLI's language. */
    public String text(CliMessage message, Object... args) {
        return Messages.format(language, message, args);
    }

    public void line(CliMessage message, Object... args) {
        line(text(message, args));
    }

    public void note(CliMessage message, Object... args) {
        note(text(message, args));
    }

    /** A line for people; suppressed with --json so that stdout stays one JSON document. */
    public void line(String text) {
        if (!json) {
            out.println(text);
            out.flush();
        }
    }

    /** A progress or warning line, always on stderr. */
    public void note(String text) {
        err.println(text);
        err.flush();
    }

    public void document(Object value) {
        if (json) {
            out.println(CaClient.toJson(value));
            out.flush();
        }
    }
}
