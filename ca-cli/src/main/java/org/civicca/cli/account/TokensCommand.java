package org.civicca.cli.account;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.civicca.cli.CivicCaCommand;
import org.civicca.cli.CliMessage;
import org.civicca.cli.ExitCode;
import org.civicca.cli.Output;
import org.civicca.cli.client.Wire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "tokens", description = "API tokens of an account (admins only).", mixinStandardHelpOptions = true,
        subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class},
        footer = {"", "Examples:", "  civicca tokens create --account 3f1c… --expires-in-days 30 > clerk.token", "  civicca tokens revoke 9a2b…"})
public final class TokensCommand {

    @Command(name = "create", description = "Create a token; its secret is printed once, on stdout only.", mixinStandardHelpOptions = true,
            footer = {"", "Example:", "  civicca tokens create --account 3f1c… --expires-in-days 30 > clerk.token"})
    static final class Create implements Callable<Integer> {

        @Option(names = "--account", required = true, paramLabel = "ID", description = "account id")
        String account;

        @Option(names = "--expires-in-days", paramLabel = "N", defaultValue = "90", description = "1 to 3650 (default: ${DEFAULT-VALUE})")
        int days;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Wire.NewToken token = CivicCaCommand.global(spec).client().createToken(account, days);
            Output output = new Output(spec);
            if (output.json()) {
                output.document(token);
            } else {
                spec.commandLine().getOut().println(token.token());
                spec.commandLine().getOut().flush();
                output.note(CliMessage.TOKEN_CREATED, token.id(), token.expiresAt());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "list", description = "List an account's tokens (never their secrets).", mixinStandardHelpOptions = true,
            footer = {"", "Example:", "  civicca tokens list --account 3f1c…"})
    static final class ListTokens implements Callable<Integer> {

        @Option(names = "--account", required = true, paramLabel = "ID", description = "account id")
        String account;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<Wire.Token> tokens = CivicCaCommand.global(spec).client().tokens(account);
            Output output = new Output(spec);
            tokens.forEach(t -> output.line(output.text(CliMessage.TOKEN_LINE, String.format("%-36s", t.id()), t.createdAt(), t.expiresAt())
                    + (t.revokedAt() == null ? "" : output.text(CliMessage.TOKEN_REVOKED_SUFFIX, t.revokedAt()))));
            output.document(tokens);
            return ExitCode.OK;
        }
    }

    @Command(name = "revoke", description = "Revoke a token: it stops working at once.", mixinStandardHelpOptions = true,
            footer = {"", "Example:", "  civicca tokens revoke 9a2b…"})
    static final class Revoke implements Callable<Integer> {

        @Parameters(paramLabel = "ID", description = "token id (see tokens list)")
        String id;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            CivicCaCommand.global(spec).client().revokeToken(id);
            Output output = new Output(spec);
            output.line(CliMessage.TOKEN_REVOKED, id);
            output.document(Map.of("id", id, "revoked", true));
            return ExitCode.OK;
        }
    }
}
