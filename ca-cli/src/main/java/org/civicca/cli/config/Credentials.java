package org.civicca.cli.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.civicca.cli.CliException;
import org.civicca.cli.CliMessage;

/**
 * Where the API token comes from: the file named by {@code --token-file}, else the environment variable
 * {@code CA_TOKEN}. Never from the command line itself, where other users could read it in the process list.
 */
public final class Credentials {

    public static final String ENVIRONMENT_VARIABLE = "CA_TOKEN";

    private Credentials() {
    }

    public static String token(Path tokenFile) {
        if (tokenFile != null) {
            try {
                String token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
                if (token.isEmpty()) {
                    throw CliException.usage(CliMessage.TOKEN_FILE_EMPTY, tokenFile);
                }
                return token;
            } catch (IOException e) {
                throw CliException.usage(CliMessage.TOKEN_FILE_UNREADABLE, tokenFile, e.getClass().getSimpleName());
            }
        }
        String fromEnvironment = System.getenv(ENVIRONMENT_VARIABLE);
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            throw CliException.usage(CliMessage.NO_TOKEN, ENVIRONMENT_VARIABLE);
        }
        return fromEnvironment.strip();
    }
}
