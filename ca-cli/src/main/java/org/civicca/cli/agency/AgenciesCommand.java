package org.civicca.cli.agency;

import picocli.CommandLine.Command;

@Command(name = "agencies", description = "Manage the province's agencies.", mixinStandardHelpOptions = true,
        subcommands = AgenciesImportCommand.class,
        footer = {"", "Example:", "  civicca agencies import ../shared/data/agencies.csv"})
public final class AgenciesCommand {
}
