package org.civicca.core.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.text.Normalizer;
import java.util.stream.Stream;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldRuleTests {

    private static final String FIELD = "subject.commonName";

    static Stream<Arguments> acceptedValues() {
        return Stream.of(
                arguments(FieldRule.PERSON_NAME, "Phạm Quang Duy", "Phạm Quang Duy"),
                arguments(FieldRule.PERSON_NAME, named("Nguyễn Thị Ánh in NFD", nfd("Nguyễn Thị Ánh")), "Nguyễn Thị Ánh"),
                arguments(FieldRule.PERSON_NAME, "  Lê Văn Tám  ", "Lê Văn Tám"),
                arguments(FieldRule.PERSON_NAME, "Đặng Thị O'Neil-Trần Jr.", "Đặng Thị O'Neil-Trần Jr."),
                arguments(FieldRule.PERSON_NAME, "Ông Ích Khiêm", "Ông Ích Khiêm"),
                arguments(FieldRule.ORGANIZATION_TEXT, "Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
                arguments(FieldRule.ORGANIZATION_TEXT, "Ban Quản lý dự án (khu vực 2)", "Ban Quản lý dự án (khu vực 2)"),
                arguments(FieldRule.ORGANIZATION_TEXT, "Phòng Tài chính & Kế hoạch", "Phòng Tài chính & Kế hoạch"),
                arguments(FieldRule.ORGANIZATION_TEXT, "Thi đua / Khen thưởng - Văn thư", "Thi đua / Khen thưởng - Văn thư"),
                arguments(FieldRule.ORGANIZATION_TEXT, "3T Trường THPT số 1", "3T Trường THPT số 1"),
                arguments(FieldRule.ORGANIZATION_TEXT, named("Ủy ban nhân dân in NFD", nfd("Ủy ban nhân dân")), "Ủy ban nhân dân"),
                arguments(FieldRule.NATIONAL_ID, "026090001234", "026090001234"),
                arguments(FieldRule.TAX_CODE, "2500123456", "2500123456"),
                arguments(FieldRule.TAX_CODE, "2500123456-007", "2500123456-007"),
                arguments(FieldRule.EMAIL, "duy.pq@vinhphuc.gov.vn", "duy.pq@vinhphuc.gov.vn"),
                arguments(FieldRule.EMAIL, named("upper-case domain", "Duy.PQ+cks@VinhPhuc.GOV.VN"), "Duy.PQ+cks@vinhphuc.gov.vn"),
                arguments(FieldRule.EMAIL, "van_thu-01@so-noi-vu.vinhphuc.vn", "van_thu-01@so-noi-vu.vinhphuc.vn"),
                arguments(FieldRule.REQUEST_ID, "VP-2021-01675", "VP-2021-01675"),
                arguments(FieldRule.REQUEST_ID, "so-noi-vu:2026.03_0001", "so-noi-vu:2026.03_0001"),
                arguments(FieldRule.AGENCY_CODE, "so-vhttdl", "so-vhttdl"),
                arguments(FieldRule.AGENCY_CODE, "vinhphuc-issuing", "vinhphuc-issuing"));
    }

    @ParameterizedTest(name = "{0} accepts \"{1}\"")
    @MethodSource("acceptedValues")
    void acceptsAndNormalizesToNfc(FieldRule rule, String raw, String expected) {
        String checked = rule.check(FIELD, raw);

        assertThat(checked).isEqualTo(expected);
        assertThat(Normalizer.isNormalized(checked, Normalizer.Form.NFC)).isTrue();
    }

    static Stream<Arguments> refusedValues() {
        return Stream.of(
                arguments(FieldRule.PERSON_NAME, named("empty", ""), "is required"),
                arguments(FieldRule.PERSON_NAME, named("blank", "   \t "), "is required"),
                arguments(FieldRule.PERSON_NAME, named("65 letters", "a".repeat(65)), "at most 64 characters"),
                arguments(FieldRule.ORGANIZATION_TEXT, named("65 Vietnamese letters", "ễ".repeat(65)), "at most 64 characters"),
                arguments(FieldRule.PERSON_NAME, named("tab inside", "Phạm\tQuang Duy"), "control characters"),
                arguments(FieldRule.PERSON_NAME, named("line feed inside", "Phạm\nQuang Duy"), "control characters"),
                arguments(FieldRule.PERSON_NAME, named("NUL inside", "Phạm\u0000Duy"), "control characters"),
                arguments(FieldRule.PERSON_NAME, named("DEL inside", "Phạm\u007FDuy"), "control characters"),
                arguments(FieldRule.PERSON_NAME, named("U+202E right-to-left override", "Phạm\u202EyuD"), "bidirectional"),
                arguments(FieldRule.PERSON_NAME, named("U+200B zero-width space", "Phạm\u200BDuy"), "invisible"),
                arguments(FieldRule.PERSON_NAME, named("U+FEFF byte order mark", "\uFEFFPhạm Duy"), "invisible"),
                arguments(FieldRule.ORGANIZATION_TEXT, named("U+2066 left-to-right isolate", "Sở \u2066Nội vụ"), "bidirectional"),
                arguments(FieldRule.PERSON_NAME, named("unassigned code point", "Phạm\u0378Duy"), "invisible"),
                arguments(FieldRule.PERSON_NAME, "Phạm=Duy", "must not contain any of"),
                arguments(FieldRule.PERSON_NAME, "Phạm+Duy", "must not contain any of"),
                arguments(FieldRule.PERSON_NAME, "Phạm;Duy", "must not contain any of"),
                arguments(FieldRule.PERSON_NAME, "Phạm\\Duy", "must not contain any of"),
                arguments(FieldRule.PERSON_NAME, "Phạm\"Duy", "must not contain any of"),
                arguments(FieldRule.PERSON_NAME, "Phạm<Duy", "must not contain any of"),
                arguments(FieldRule.PERSON_NAME, "Phạm>Duy", "must not contain any of"),
                arguments(FieldRule.PERSON_NAME, "Phạm#Duy", "must not contain any of"),
                arguments(FieldRule.PERSON_NAME, "Phạm Quang Duy,O=Evil", "must not contain any of"),
                arguments(FieldRule.ORGANIZATION_TEXT, "Sở Nội vụ,O=Bộ Công an", "must not contain any of"),
                arguments(FieldRule.ORGANIZATION_TEXT, "Sở Nội vụ+CN=admin", "must not contain any of"),
                arguments(FieldRule.PERSON_NAME, named("comma in a person name", "Phạm, Duy"), "only letters, spaces"),
                arguments(FieldRule.PERSON_NAME, named("digit in a person name", "Phạm Duy 2"), "only letters, spaces"),
                arguments(FieldRule.PERSON_NAME, named("leading hyphen", "-Phạm Duy"), "only letters, spaces"),
                arguments(FieldRule.PERSON_NAME, named("non-breaking space", "Phạm\u00A0Duy"), "only letters, spaces"),
                arguments(FieldRule.PERSON_NAME, "../../etc/passwd", "only letters, spaces"),
                arguments(FieldRule.ORGANIZATION_TEXT, "../../etc/passwd", "must start with a letter or digit"),
                arguments(FieldRule.ORGANIZATION_TEXT, named("leading parenthesis", "(Sở Nội vụ)"), "must start with a letter or digit"),
                arguments(FieldRule.ORGANIZATION_TEXT, named("underscore", "Sở_Nội_vụ"), "must start with a letter or digit"),
                arguments(FieldRule.ORGANIZATION_TEXT, named("emoji", "Sở Nội vụ \uD83D\uDE00"), "must start with a letter or digit"),
                arguments(FieldRule.NATIONAL_ID, named("5 digits", "02609"), "exactly 12 digits"),
                arguments(FieldRule.NATIONAL_ID, named("11 digits", "02609000123"), "exactly 12 digits"),
                arguments(FieldRule.NATIONAL_ID, named("13 digits", "0260900012345"), "exactly 12 digits"),
                arguments(FieldRule.NATIONAL_ID, named("a letter", "02609000123A"), "exactly 12 digits"),
                arguments(FieldRule.NATIONAL_ID, named("inner space", "026090 001234"), "exactly 12 digits"),
                arguments(FieldRule.NATIONAL_ID, named("full-width digits", "０２６０９０００１２３４"), "exactly 12 digits"),
                arguments(FieldRule.TAX_CODE, named("9 digits", "250012345"), "10 digits"),
                arguments(FieldRule.TAX_CODE, named("11 digits", "25001234567"), "10 digits"),
                arguments(FieldRule.TAX_CODE, named("13 digits, no hyphen", "2500123456007"), "10 digits"),
                arguments(FieldRule.TAX_CODE, named("2-digit suffix", "2500123456-07"), "10 digits"),
                arguments(FieldRule.TAX_CODE, named("4-digit suffix", "2500123456-0071"), "10 digits"),
                arguments(FieldRule.TAX_CODE, named("underscore suffix", "2500123456_007"), "10 digits"),
                arguments(FieldRule.TAX_CODE, named("dangling hyphen", "2500123456-"), "10 digits"),
                arguments(FieldRule.TAX_CODE, named("a letter", "250012345A"), "10 digits"),
                arguments(FieldRule.EMAIL, named("non-ASCII local part", "nguyễn@vinhphuc.gov.vn"), "ASCII e-mail"),
                arguments(FieldRule.EMAIL, named("non-ASCII domain", "duy@vĩnhphúc.vn"), "ASCII e-mail"),
                arguments(FieldRule.EMAIL, named("no dot in the domain", "duy@localhost"), "ASCII e-mail"),
                arguments(FieldRule.EMAIL, named("empty domain label", "duy@vinhphuc..vn"), "ASCII e-mail"),
                arguments(FieldRule.EMAIL, named("label starting with hyphen", "duy@-vinhphuc.vn"), "ASCII e-mail"),
                arguments(FieldRule.EMAIL, named("no local part", "@vinhphuc.gov.vn"), "ASCII e-mail"),
                arguments(FieldRule.EMAIL, named("no @", "duy.vinhphuc.gov.vn"), "ASCII e-mail"),
                arguments(FieldRule.EMAIL, named("two @", "duy@pq@vinhphuc.gov.vn"), "ASCII e-mail"),
                arguments(FieldRule.EMAIL, named("space", "duy pq@vinhphuc.gov.vn"), "ASCII e-mail"),
                arguments(FieldRule.EMAIL, named("header injection", "duy@vinhphuc.gov.vn\r\nBcc: x@evil.test"), "control characters"),
                arguments(FieldRule.EMAIL, named("255 characters", "a".repeat(240) + "@vinhphuc.gov.vn"), "at most 254 characters"),
                arguments(FieldRule.REQUEST_ID, named("space", "VP 2021"), "may hold only letters, digits and . _ : -"),
                arguments(FieldRule.REQUEST_ID, named("leading hyphen", "-VP-2021"), "must start with a letter or digit"),
                arguments(FieldRule.REQUEST_ID, named("path", "../VP-2021"), "must start with a letter or digit"),
                arguments(FieldRule.REQUEST_ID, named("slash", "VP/2021"), "must start with a letter or digit"),
                arguments(FieldRule.REQUEST_ID, named("Vietnamese letter", "Đơn-2021"), "must start with a letter or digit"),
                arguments(FieldRule.REQUEST_ID, named("65 characters", "V".repeat(65)), "at most 64 characters"),
                arguments(FieldRule.AGENCY_CODE, named("upper case", "So-VHTTDL"), "lower-case letters"),
                arguments(FieldRule.AGENCY_CODE, named("leading hyphen", "-so"), "lower-case letters"),
                arguments(FieldRule.AGENCY_CODE, named("path", "../so"), "lower-case letters"));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("refusedValues")
    void refusesNamingTheField(FieldRule rule, String raw, String reason) {
        assertThatThrownBy(() -> rule.check(FIELD, raw))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.field()).contains(FIELD);
                    assertThat(e.getMessage()).startsWith(FIELD + " ").contains(reason);
                });
    }

    @Test
    void countsLengthInCodePointsAfterNormalization() {
        String sixtyFourInNfd = nfd("ễ".repeat(64));
        assertThat(sixtyFourInNfd).hasSize(192);

        String checked = FieldRule.PERSON_NAME.check(FIELD, sixtyFourInNfd);

        assertThat(checked).isEqualTo("ễ".repeat(64));
        assertThat(FieldRule.PERSON_NAME.check(FIELD, "a".repeat(64))).hasSize(64);
        assertThat(FieldRule.ORGANIZATION_TEXT.check(FIELD, "Sở " + "x".repeat(61))).hasSize(64);
    }

    @Test
    void countsSupplementaryCharactersAsOne() {
        String name = "𠀀".repeat(64);
        assertThat(name).hasSize(128);

        assertThat(FieldRule.PERSON_NAME.check(FIELD, name)).isEqualTo(name);
        assertThatThrownBy(() -> FieldRule.PERSON_NAME.check(FIELD, name + "𠀀"))
                .isInstanceOfSatisfying(CaException.class, e -> assertThat(e.getMessage()).contains("at most 64"));
    }

    @Test
    void letsAnEmailBeLongerThanADnAttribute() {
        String email = "a".repeat(100) + "@vinhphuc.gov.vn";

        assertThat(FieldRule.EMAIL.check("subject.email", email)).isEqualTo(email);
    }

    @Test
    void acceptsDnMetacharactersThatAreLegalInAMailbox() {
        assertThat(FieldRule.EMAIL.check("subject.email", "a=b+c@vinhphuc.gov.vn")).isEqualTo("a=b+c@vinhphuc.gov.vn");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void leavesAnAbsentOptionalValueAbsent(String raw) {
        assertThat(FieldRule.ORGANIZATION_TEXT.checkOptional("subject.unit", raw)).isNull();
    }

    @Test
    void stillChecksAPresentOptionalValue() {
        assertThat(FieldRule.ORGANIZATION_TEXT.checkOptional("subject.unit", nfd("Văn phòng"))).isEqualTo("Văn phòng");
        assertThatThrownBy(() -> FieldRule.ORGANIZATION_TEXT.checkOptional("subject.unit", "Văn<phòng"))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.field()).contains("subject.unit");
                });
    }

    @Test
    void refusesNullAsMissing() {
        assertThatThrownBy(() -> FieldRule.NATIONAL_ID.check("subject.nationalId", null))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.field()).contains("subject.nationalId");
                    assertThat(e.getMessage()).isEqualTo("subject.nationalId is required");
                });
    }

    @Test
    void neverEchoesTheRefusedValue() {
        assertThatThrownBy(() -> FieldRule.PERSON_NAME.check(FIELD, "Phạm<script>"))
                .isInstanceOfSatisfying(CaException.class, e -> assertThat(e.getMessage()).doesNotContain("script"));
    }

    private static String nfd(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(text);
        return decomposed;
    }
}
