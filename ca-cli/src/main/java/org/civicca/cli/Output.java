package org.civicca.cli;

import java.io.PrintWriter;
import org.civicca.cli.client.CaClient;
import picocli.CommandLine;

/** Where a command's results go: plain lines for people, one JSON document with --json. */
public final class Output {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    public Output(CommandLine.Model.CommandSpec spec) {
        this.out = spec.commandLine().getOut();
        this.err = spec.commandLine().getErr();
        this.json = CivicCaCommand.global(spec).json();
    }

    public boolean json() {
        return json;
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
