package org.civicca.cli.audit;

import picocli.CommandLine.Command;

@Command(name = "audit", description = "The tamper-evident audit trail (admins and auditors).", mixinStandardHelpOptions = true,
        subcommands = AuditVerifyCommand.class, footer = {"", "Example:", "  civicca audit verify"})
public final class AuditCommand {
}
