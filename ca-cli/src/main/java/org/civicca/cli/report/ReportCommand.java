package org.civicca.cli.report;

import picocli.CommandLine.Command;

@Command(name = "report", description = "Reports over the issued certificates.", mixinStandardHelpOptions = true,
        subcommands = {ExpiringReport.class, SummaryReport.class, HoldsReport.class},
        footer = {"", "Examples:", "  civicca report expiring --days 30 --agency so-tc", "  civicca report summary --json", "  civicca report holds"})
public final class ReportCommand {
}
