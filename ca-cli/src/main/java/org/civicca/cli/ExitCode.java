package org.civicca.cli;

/** The exit codes scripts rely on. */
public final class ExitCode {

    /** Everything asked was done. */
    public static final int OK = 0;
    /** Done, but some rows failed; they are listed with their reasons. */
    public static final int SOME_FAILED = 1;
    /** The command line or an input file is wrong; nothing was sent. */
    public static final int USAGE = 2;
    /** The server could not be reached, or refused the credentials. */
    public static final int SERVER = 3;

    private ExitCode() {
    }
}
