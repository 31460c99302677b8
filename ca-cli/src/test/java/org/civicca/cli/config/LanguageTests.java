package org.civicca.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.civicca.cli.CliMessage;
import org.civicca.core.message.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class LanguageTests {

    @Test
    void everyCliMessageHasEnglishAndVietnamese() {
        assertThat(Messages.missing(CliMessage.values())).isEmpty();
    }

    @ParameterizedTest(name = "LC_ALL={0} LC_MESSAGES={1} LANG={2}, JVM {3} -> {4}")
    @CsvSource(nullValues = "-", value = {
            "vi_VN.UTF-8, -,           -,           en, vi",
            "-,           vi_VN,       -,           en, vi",
            "-,           -,           vi_VN.UTF-8, en, vi",
            "-,           -,           vi,          en, vi",
            "C,           -,           vi_VN.UTF-8, en, en",
            "en_US.UTF-8, vi_VN.UTF-8, vi_VN.UTF-8, vi, en",
            "-,           -,           C.UTF-8,     vi, en",
            "-,           -,           POSIX,       en, en",
            "-,           -,           fr_FR.UTF-8, en, en",
            "-,           -,           -,           vi, vi",
            "-,           -,           -,           en, en"})
    void theEnvironmentsLocaleDecidesInPosixOrder(String lcAll, String lcMessages, String lang, String jvm, String expected) {
        Map<String, String> environment = new HashMap<>();
        put(environment, "LC_ALL", lcAll);
        put(environment, "LC_MESSAGES", lcMessages);
        put(environment, "LANG", lang);

        assertThat(Language.fromEnvironment(environment, Locale.forLanguageTag(jvm)).toLanguageTag()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"vi, vi", "VI, vi", "en, en", "' en ', en"})
    void theOptionTakesTheCataloguesLanguages(String value, String expected) {
        assertThat(new Language.Option().convert(value).toLanguageTag()).isEqualTo(expected);
        assertThat(Language.of(new Language.Option().convert(value))).isEqualTo(Messages.supported(Locale.forLanguageTag(expected)));
    }

    @ParameterizedTest
    @CsvSource({"fr", "vietnamese", "''"})
    void anyOtherLanguageIsRefused(String value) {
        assertThatThrownBy(() -> new Language.Option().convert(value)).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessage("--lang must be en or vi");
    }

    private static void put(Map<String, String> environment, String name, String value) {
        if (value != null) {
            environment.put(name, value);
        }
    }
}
