package org.civicca.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.civicca.cli.account.AccountsCommand;
import org.civicca.cli.account.TokensCommand;
import org.civicca.cli.agency.AgenciesCommand;
import org.civicca.cli.audit.AuditCommand;
import org.civicca.cli.backup.BackupCommand;
import org.civicca.cli.backup.RestoreCommand;
import org.civicca.cli.client.ApiProblemException;
import org.civicca.cli.crl.CrlCommand;
import org.civicca.cli.enroll.EnrollCommand;
import org.civicca.cli.report.ReportCommand;
import org.civicca.cli.revoke.RevokeCommand;
import org.civicca.cli.status.StatusCommand;
import org.civicca.core.message.Messages;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/** The administrators' command line: bulk work against the CivicCA REST API. */
@Command(name = "civicca",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Administers the CivicCA certificate authority through its REST API.",
        subcommands = {AgenciesCommand.class, AccountsCommand.class, TokensCommand.class, AuditCommand.class, EnrollCommand.class, RevokeCommand.class, CrlCommand.class, ReportCommand.class,
                StatusCommand.class, BackupCommand.class, RestoreCommand.class, AutoComplete.GenerateCompletion.class},
        footer = {"", "Exit codes: 0 all done, 1 done with some rows failed, 2 usage or input error, 3 server unreachable or token refused.",
                "", "Example:", "  CA_TOKEN=$(cat data/admin.token) civicca status --server http://localhost:8080"})
public final class CivicCaCommand implements Runnable {

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Writes UTF-8 whatever the locale: in a C locale JDK 17 would print every Vietnamese letter as '?'. */
    public static void main(String[] args) {
        CommandLine cli = commandLine();
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(cli.execute(args));
    }

    /** The command line with its error handling, as main runs it (tests use it too). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new CivicCaCommand());
        cli.setExecutionExceptionHandler(CivicCaCommand::report);
        cli.setExitCodeExceptionMapper(CivicCaCommand::exitCode);
        cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false)
                .footer("", "Example:", "  source <(civicca generate-completion)");
        return cli;
    }

    private static int exitCode(Throwable e) {
        if (e instanceof CliException failure) {
            return failure.exitCode();
        }
        return e instanceof CommandLine.ParameterException ? ExitCode.USAGE : ExitCode.SOME_FAILED;
    }

    /** Options shared by every command, wherever they were given on the line. */
    public static GlobalOptions global(CommandLine.Model.CommandSpec spec) {
        return ((CivicCaCommand) spec.root().userObject()).global;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int report(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
        Locale language = global(command.getCommandSpec()).language();
        int exitCode = e instanceof CliException failure ? failure.exitCode() : ExitCode.SOME_FAILED;
        String line;
        if (e instanceof CliException failure) {
            line = Messages.format(language, CliMessage.FAILURE, failure.message(language));
        } else if (e instanceof ApiProblemException refused && refused.field() != null) {
            line = Messages.format(language, CliMessage.FAILURE_IN_FIELD, refused.field(), refused.getMessage());
        } else if (e instanceof ApiProblemException refused) {
            line = Messages.format(language, CliMessage.FAILURE, refused.getMessage());
        } else {
            String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            line = Messages.format(language, CliMessage.FAILURE, Messages.format(language, CliMessage.UNEXPECTED_ERROR, what));
        }
        PrintWriter err = command.getErr();
        err.println(line);
        err.flush();
        return exitCode;
    }
}
