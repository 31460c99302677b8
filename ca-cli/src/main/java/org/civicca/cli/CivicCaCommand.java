package org.civicca.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The administrators' command line. Bulk commands arrive with the CLI's own issue; this is its shell. */
@Command(name = "civicca",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Administers the CivicCA certificate authority through its REST API.",
        footer = {"", "Example:", "  civicca --version"})
public final class CivicCaCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new CivicCaCommand()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
