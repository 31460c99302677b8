package org.civicca.cli.enroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civicca.cli.client.Wire;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.message.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CLI refuses bad rows before sending anything, naming the CSV column and the rule. */
class RowCheckerTests {

    private static final List<Wire.Profile> PROFILES = List.of(
            new Wire.Profile("personal", "vinhphuc-issuing", List.of("EC-P256", "RSA-2048"), 730, 1095, "person-name",
                    List.of("commonName", "email", "nationalId"), List.of("title", "unit")),
            new Wire.Profile("organization", "vinhphuc-issuing", List.of("EC-P256"), 1095, 1825, "organization-name",
                    List.of("commonName", "email", "taxCode"), List.of("unit")));
    private static final List<Wire.Agency> AGENCIES = List.of(new Wire.Agency("so-tc", "Sở Tài chính", "2561744874", "Vĩnh Yên"));

    private final RowChecker checker = new RowChecker(PROFILES, AGENCIES, KeyAlgorithm.EC_P256, Messages.ENGLISH);

    @Test
    void acceptsGoodPersonalAndOrganizationRows() {
        RowChecker.Result result = checker.check(List.of(person(2, "VP-1", "Phạm Quang Duy", "026071996595"),
                new EnrollmentRow(3, "VP-2", "organization", "so-tc", "Phòng Tư pháp - Sở Tài chính", "tc.7@vinhphuc.gov.vn", "", "",
                        "Phòng Tư pháp", "2561744874-007")));

        assertThat(result.refused()).isEmpty();
        assertThat(result.good()).extracting(EnrollmentRow::requestId).containsExactly("VP-1", "VP-2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty name             | VP-1    | personal  | so-tc  |                       | 026071996595 | common_name",
            "DN injection           | VP-1    | personal  | so-tc  | Nguyễn Văn A,O=Bộ     | 026071996595 | common_name",
            "path in a name         | VP-1    | personal  | so-tc  | ../../etc/passwd      | 026071996595 | common_name",
            "short national id      | VP-1    | personal  | so-tc  | Phạm Quang Duy        | 12345        | national_id",
            "unknown agency         | VP-1    | personal  | so-xx  | Phạm Quang Duy        | 026071996595 | agency",
            "unknown profile        | VP-1    | superuser | so-tc  | Phạm Quang Duy        | 026071996595 | profile",
            "bad request id         | ../VP-1 | personal  | so-tc  | Phạm Quang Duy        | 026071996595 | request_id"})
    void refusesARowNamingItsColumn(String rule, String requestId, String profile, String agency, String name, String nationalId,
                                    String column) {
        EnrollmentRow row = new EnrollmentRow(7, requestId, profile, agency, name == null ? "" : name, "a@vinhphuc.gov.vn", nationalId,
                "", "", "");

        RowChecker.Result result = checker.check(List.of(row));

        assertThat(result.good()).isEmpty();
        assertThat(result.refused()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(7);
            assertThat(r.field()).isEqualTo(column);
        });
    }

    @Test
    void aRepeatedRequestIdIsTheSameRequestWhenTheContentIsTheSameAndRefusedOtherwise() {
        RowChecker.Result result = checker.check(List.of(person(2, "VP-1", "Phạm Quang Duy", "026071996595"),
                person(3, "VP-1", "Phạm Quang Duy", "026071996595"), person(4, "VP-1", "Phạm Văn Trùng", "026071996595")));

        assertThat(result.good()).hasSize(1);
        assertThat(result.refused()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(4);
            assertThat(r.reason()).contains("line 2");
        });
    }

    @Test
    void refusesAKeyTypeTheProfileDoesNotAllow() {
        RowChecker ed25519 = new RowChecker(PROFILES, AGENCIES, KeyAlgorithm.ED25519, Messages.ENGLISH);

        assertThat(ed25519.check(List.of(person(2, "VP-1", "Phạm Quang Duy", "026071996595"))).refused())
                .singleElement().satisfies(r -> assertThat(r.field()).isEqualTo("key"));
    }

    private static EnrollmentRow person(int line, String requestId, String name, String nationalId) {
        return new EnrollmentRow(line, requestId, "personal", "so-tc", name, "duy@vinhphuc.gov.vn", nationalId, "Văn thư", "Phòng Tổ chức",
                "");
    }
}
