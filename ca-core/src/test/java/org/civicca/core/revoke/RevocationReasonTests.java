package org.civicca.core.revoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.bouncycastle.asn1.x509.CRLReason;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RevocationReasonTests {

    @ParameterizedTest(name = "{0} is {1} with code {2}")
    @CsvSource({
            "unspecified,          UNSPECIFIED,            0",
            "keyCompromise,        KEY_COMPROMISE,         1",
            "cACompromise,         CA_COMPROMISE,          2",
            "affiliationChanged,   AFFILIATION_CHANGED,    3",
            "superseded,           SUPERSEDED,             4",
            "cessationOfOperation, CESSATION_OF_OPERATION, 5",
            "certificateHold,      CERTIFICATE_HOLD,       6",
            "privilegeWithdrawn,   PRIVILEGE_WITHDRAWN,    9",
            "aACompromise,         AA_COMPROMISE,          10",
    })
    void parsesTheRfc5280CamelCaseNames(String name, RevocationReason reason, int code) {
        assertThat(RevocationReason.parse(name)).isEqualTo(reason);
        assertThat(reason.code()).isEqualTo(code);
        assertThat(reason.rfcName()).isEqualTo(name);
        assertThat(RevocationReason.fromCode(code)).isEqualTo(reason);
    }

    @ParameterizedTest
    @EnumSource(RevocationReason.class)
    void agreesWithBouncyCastleOnTheCode(RevocationReason reason) {
        assertThat(CRLReason.lookup(reason.code()).getValue().intValueExact()).isEqualTo(reason.code());
        assertThat(CRLReason.lookup(reason.code()).toString().toLowerCase()).contains(reason.rfcName().toLowerCase());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"KEY_COMPROMISE", "keycompromise", "KeyCompromise", "key-compromise", " keyCompromise",
            "removeFromCRL", "revoked", "1"})
    void refusesAnythingElseListingTheNames(String name) {
        assertThatThrownBy(() -> RevocationReason.parse(name))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.field()).contains("reason");
                    assertThat(e.getMessage()).contains("unspecified, keyCompromise, cACompromise");
                });
    }

    @Test
    void leavesRemoveFromCrlOutOfTheCodes() {
        assertThat(Arrays.stream(RevocationReason.values()).mapToInt(RevocationReason::code)).doesNotContain(CRLReason.removeFromCRL);
        assertThatThrownBy(() -> RevocationReason.fromCode(CRLReason.removeFromCRL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RevocationReason.fromCode(7)).isInstanceOf(IllegalArgumentException.class);
    }
}
