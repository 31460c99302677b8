package org.civicca.core.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.ResourceBundle;

/**
 * The one message catalogue of the CA, service and CLI alike: English (the default) and Vietnamese, in the
 * {@code messages} bundle beside this class. Patterns are {@link MessageFormat}s; arguments are rendered with
 * {@link String#valueOf} first, so numbers and serials read the same in every language (no "1,000" against "1.000").
 */
public final class Messages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, VIETNAMESE);

    private static final String BUNDLE = "org.civicca.core.message.messages";
    /** Never fall back to the JVM's default locale: an English request on a Vietnamese machine stays English. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    public static String format(Locale locale, MessageKey key, Object... args) {
        String pattern = bundle(supported(locale)).getString(key.name());
        Object[] texts = Arrays.stream(args).map(String::valueOf).toArray();
        return new MessageFormat(pattern, Locale.ROOT).format(texts);
    }

    /** The supported locale with the language of {@code locale}; English for any other. */
    public static Locale supported(Locale locale) {
        return locale != null && VIETNAMESE.getLanguage().equals(locale.getLanguage()) ? VIETNAMESE : ENGLISH;
    }

    /**
     * The supported locale a client prefers, from an HTTP {@code Accept-Language} value such as {@code vi-VN,vi;q=0.9,en;q=0.5};
     * English when the value is absent, malformed or names neither language.
     */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return ENGLISH;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return match == null ? ENGLISH : match;
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
    }

    /**
     * The keys among {@code keys} that some supported locale's own file lacks (each module's tests assert none). Read from
     * the files themselves: a bundle would answer a missing Vietnamese key with its English parent's.
     */
    public static List<String> missing(MessageKey... keys) {
        List<String> missing = new ArrayList<>();
        for (Locale locale : SUPPORTED) {
            Properties own = catalogue(locale);
            for (MessageKey key : keys) {
                if (!own.containsKey(key.name())) {
                    missing.add(locale.toLanguageTag() + ":" + key.name());
                }
            }
        }
        return missing;
    }

    /** One locale's own file of the catalogue, without its parent. */
    public static Properties catalogue(Locale locale) {
        String file = "messages" + (supported(locale) == ENGLISH ? "" : "_" + locale.getLanguage()) + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("message catalogue file " + file + " is missing");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResourceBundle bundle(Locale locale) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale == ENGLISH ? Locale.ROOT : locale, NO_FALLBACK);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("message catalogue " + BUNDLE + " is missing for " + locale, e);
        }
    }
}
