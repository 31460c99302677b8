package org.civicca.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicca.core.CaException;
import org.civicca.core.subject.FieldRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MessagesTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    @Test
    void everyCoreMessageHasEnglishAndVietnamese() {
        assertThat(Messages.missing(CoreMessage.values())).isEmpty();
    }

    @Test
    void bothLanguagesHoldTheSameKeysWithTheSamePlaceholders() {
        Properties english = Messages.catalogue(Messages.ENGLISH);
        Properties vietnamese = Messages.catalogue(Messages.VIETNAMESE);
        assertThat(vietnamese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(placeholders(vietnamese.getProperty(key))).as(key).isEqualTo(placeholders(english.getProperty(key)));
        }
    }

    @Test
    void everyPatternRendersWithoutStrayBracesOrLostApostrophes() {
        for (Locale locale : Messages.SUPPORTED) {
            Properties catalogue = Messages.catalogue(locale);
            for (String key : catalogue.stringPropertyNames()) {
                String pattern = catalogue.getProperty(key);
                String rendered = new MessageFormat(pattern, Locale.ROOT).format(new Object[] {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J"});
                assertThat(rendered).as(locale + " " + key).doesNotContain("{").doesNotContain("}");
                long doubled = pattern.split("''", -1).length - 1;
                assertThat(pattern.replace("''", "")).as(locale + " " + key + ": apostrophes are doubled").doesNotContain("'");
                assertThat(rendered.chars().filter(c -> c == '\'').count()).as(locale + " " + key).isEqualTo(doubled);
            }
        }
    }

    @Test
    void argumentsReadTheSameInEveryLanguage() {
        assertThat(Messages.format(Messages.ENGLISH, CoreMessage.RSA_KEY_TOO_WEAK, 10000))
                .isEqualTo("RSA key of 10000 bits is too weak; at least 2048 required");
        assertThat(Messages.format(Messages.VIETNAMESE, CoreMessage.RSA_KEY_TOO_WEAK, 10000))
                .isEqualTo("khóa RSA 10000 bit quá yếu; cần ít nhất 2048 bit");
        assertThat(Messages.format(Messages.ENGLISH, CoreMessage.NO_CA_NAMED, (Object) null)).isEqualTo("no CA named null");
    }

    @Test
    void aRefusalKeepsItsEnglishMessageAndRendersVietnameseOnRequest() {
        assertThatThrownBy(() -> FieldRule.PERSON_NAME.check("subject.commonName", "Nguyễn 3"))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("subject.commonName may hold only letters, spaces and - . '");
                    assertThat(e.detail(Messages.ENGLISH)).isEqualTo(e.getMessage());
                    assertThat(e.detail(Messages.VIETNAMESE)).isEqualTo("subject.commonName chỉ được gồm chữ cái, dấu cách và - . '");
                    assertThat(e.detail(Locale.forLanguageTag("vi-VN"))).isEqualTo(e.detail(Messages.VIETNAMESE));
                    assertThat(e.detail(Locale.FRENCH)).isEqualTo(e.getMessage());
                });
    }

    @Test
    void aVietnameseMachineStillAnswersEnglishToAnEnglishRequest() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Messages.VIETNAMESE);
            assertThat(Messages.format(Messages.ENGLISH, CoreMessage.CSR_REQUIRED)).isEqualTo("csr is required");
            assertThat(Messages.format(Locale.GERMAN, CoreMessage.CSR_REQUIRED)).isEqualTo("csr is required");
        } finally {
            Locale.setDefault(before);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vi                         | vi",
            "vi-VN                      | vi",
            "vi-VN,vi;q=0.9,en;q=0.8    | vi",
            "fr, vi;q=0.5               | vi",
            "en-US,en;q=0.9,vi;q=0.5    | en",
            "en                         | en",
            "fr                         | en",
            "*                          | en"})
    void theClientsPreferredLanguageIsChosen(String header, String expected) {
        assertThat(Messages.fromAcceptLanguage(header).toLanguageTag()).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"vi;q=2", ";;;", "vi;q=abc", "\u0000"})
    void anAbsentOrMalformedHeaderMeansEnglish(String header) {
        assertThat(Messages.fromAcceptLanguage(header)).isEqualTo(Messages.ENGLISH);
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
