package org.civicca.cli.config;

import java.util.Locale;
import java.util.Map;
import org.civicca.cli.CliMessage;
import org.civicca.core.message.Messages;
import picocli.CommandLine;

/**
 * The language the CLI speaks: {@code --lang en|vi}, else the POSIX locale of the environment ({@code LC_ALL}, then
 * {@code LC_MESSAGES}, then {@code LANG}, such as {@code vi_VN.UTF-8}), else the JVM's default; English unless one says
 * Vietnamese.
 */
public final class Language {

    private static final String[] LOCALE_VARIABLES = {"LC_ALL", "LC_MESSAGES", "LANG"};

    private Language() {
    }

    public static Locale of(Locale option) {
        return option != null ? option : fromEnvironment(System.getenv(), Locale.getDefault());
    }

    /** POSIX precedence: the first of LC_ALL, LC_MESSAGES, LANG that is set decides, "C" and "POSIX" included. */
    static Locale fromEnvironment(Map<String, String> environment, Locale jvmDefault) {
        for (String variable : LOCALE_VARIABLES) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                String language = value.split("[_.@-]", 2)[0];
                return Messages.supported(Locale.forLanguageTag(language));
            }
        }
        return Messages.supported(jvmDefault);
    }

    /** Reads {@code --lang}: only the catalogue's languages, refused as a usage error otherwise. */
    public static final class Option implements CommandLine.ITypeConverter<Locale> {
        @Override
        public Locale convert(String value) {
            for (Locale supported : Messages.SUPPORTED) {
                if (supported.getLanguage().equalsIgnoreCase(value.strip())) {
                    return supported;
                }
            }
            throw new CommandLine.TypeConversionException(Messages.format(Messages.ENGLISH, CliMessage.LANGUAGE_ONE_OF));
        }
    }
}
