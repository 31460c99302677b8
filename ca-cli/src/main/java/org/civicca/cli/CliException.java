package org.civicca.cli;

import java.util.Arrays;
import java.util.Locale;
import org.civicca.core.CaException;
import org.civicca.core.message.Messages;

/**
 * A failure the CLI reports in one line and maps to an exit code; never shown with a stack trace. Its message is the
 * English one; {@link #message(Locale)} renders it in the language the CLI speaks.
 */
public class CliException extends RuntimeException {

    private final int exitCode;
    private final CliMessage message;
    private final Object[] args;

    public CliException(int exitCode, CliMessage message, Object... args) {
        super(Messages.format(Messages.ENGLISH, message, rendered(args, Messages.ENGLISH)));
        this.exitCode = exitCode;
        this.message = message;
        this.args = args.clone();
    }

    public int exitCode() {
        return exitCode;
    }

    public String message(Locale language) {
        return Messages.format(language, message, rendered(args, language));
    }

    /** A refusal of ca-core given as an argument reads in the same language as the message around it. */
    private static Object[] rendered(Object[] args, Locale language) {
        return Arrays.stream(args).map(a -> a instanceof CaException refusal ? refusal.detail(language) : a).toArray();
    }

    public static CliException usage(CliMessage message, Object... args) {
        return new CliException(ExitCode.USAGE, message, args);
    }
}
