package org.civicca.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, so it always matches the build. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = CivicCaCommand.class.getPackage().getImplementationVersion();
        return new String[] {"civicca " + (version == null ? "development build" : version)};
    }
}
