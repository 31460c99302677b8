package org.civicca.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import org.civicca.cli.client.CaClient;
import org.civicca.cli.config.Credentials;
import org.civicca.cli.config.Language;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command takes, before or after its name. */
public final class GlobalOptions {

    @Option(names = "--server", scope = ScopeType.INHERIT, paramLabel = "URL", defaultValue = "http://localhost:8080",
            description = "CivicCA service base URL (default: ${DEFAULT-VALUE})")
    URI server;

    @Option(names = "--token-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "file holding the API token (default: the environment variable CA_TOKEN)")
    Path tokenFile;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "print machine-readable JSON instead of text")
    boolean json;

    @Option(names = "--lang", scope = ScopeType.INHERIT, paramLabel = "LANG", converter = Language.Option.class,
            description = "language of messages and of the server's error details: en or vi "
                    + "(default: from LC_ALL, LC_MESSAGES or LANG, else English)")
    Locale lang;

    public CaClient client() {
        return new CaClient(server, Credentials.token(tokenFile), language());
    }

    public Locale language() {
        return Language.of(lang);
    }

    public boolean json() {
        return json;
    }
}
