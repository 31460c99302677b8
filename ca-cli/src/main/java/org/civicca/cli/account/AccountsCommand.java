package org.civicca.cli.account;

import java.util.LinkedHashMap;
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

@Command(name = "accounts", description = "Accounts and their roles (admins only).", mixinStandardHelpOptions = true,
        subcommands = {AccountsCommand.Create.class, AccountsCommand.ListAccounts.class, AccountsCommand.Disable.class},
        footer = {"", "Roles: ADMIN, OFFICER, CLERK (bound to one agency), AUDITOR.", "", "Examples:",
                "  civicca accounts create --name clerk.so-tc --role CLERK --agency so-tc", "  civicca accounts list"})
public final class AccountsCommand {

    @Command(name = "create", description = "Create an account.", mixinStandardHelpOptions = true,
            footer = {"", "Example:", "  civicca accounts create --name officer.nguyen --role OFFICER"})
    static final class Create implements Callable<Integer> {

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "lower-case letters, digits and . _ -")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "ADMIN, OFFICER, CLERK or AUDITOR")
        String role;

        @Option(names = "--agency", paramLabel = "CODE", description = "the agency a CLERK is bound to")
        String agency;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("role", role);
            if (agency != null) {
                body.put("agency", agency);
            }
            Wire.Account account = CivicCaCommand.global(spec).client().createAccount(body);
            Output output = new Output(spec);
            String role = account.role() + (account.agency() == null ? "" : ", " + account.agency());
            output.line(CliMessage.ACCOUNT_CREATED, account.name(), role, account.id());
            output.document(account);
            return ExitCode.OK;
        }
    }

    @Command(name = "list", description = "List the accounts.", mixinStandardHelpOptions = true,
            footer = {"", "Example:", "  civicca accounts list --json"})
    static final class ListAccounts implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<Wire.Account> accounts = CivicCaCommand.global(spec).client().accounts();
            Output output = new Output(spec);
            accounts.forEach(a -> output.line(String.format("%-36s  %-24s %-8s %-16s %s", a.id(), a.name(), a.role(),
                    a.agency() == null ? "-" : a.agency(), output.text(a.enabled() ? CliMessage.ENABLED : CliMessage.DISABLED))));
            output.document(accounts);
            return ExitCode.OK;
        }
    }

    @Command(name = "disable", description = "Disable an account: its tokens stop working at once.", mixinStandardHelpOptions = true,
            footer = {"", "Example:", "  civicca accounts disable 3f1c…"})
    static final class Disable implements Callable<Integer> {

        @Parameters(paramLabel = "ID", description = "account id (see accounts list)")
        String id;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Wire.Account account = CivicCaCommand.global(spec).client().disableAccount(id);
            Output output = new Output(spec);
            output.line(CliMessage.ACCOUNT_DISABLED, account.name());
            output.document(account);
            return ExitCode.OK;
        }
    }
}
