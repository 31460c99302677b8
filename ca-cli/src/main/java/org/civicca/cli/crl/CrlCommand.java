package org.civicca.cli.crl;

import picocli.CommandLine.Command;

@Command(name = "crl", description = "Certificate revocation lists.", mixinStandardHelpOptions = true,
        subcommands = CrlPublishCommand.class,
        footer = {"", "Example:", "  civicca crl publish --out /var/www/crl --fresh"})
public final class CrlCommand {
}
