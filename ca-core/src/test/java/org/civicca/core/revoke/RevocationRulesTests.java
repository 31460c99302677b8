package org.civicca.core.revoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RevocationRulesTests {

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
            "ISSUED,  UNSPECIFIED,            REVOKED",
            "ISSUED,  KEY_COMPROMISE,         REVOKED",
            "ISSUED,  AFFILIATION_CHANGED,    REVOKED",
            "ISSUED,  SUPERSEDED,             REVOKED",
            "ISSUED,  CESSATION_OF_OPERATION, REVOKED",
            "ISSUED,  PRIVILEGE_WITHDRAWN,    REVOKED",
            "ISSUED,  CERTIFICATE_HOLD,       ON_HOLD",
            "EXPIRED, SUPERSEDED,             REVOKED",
            "EXPIRED, CERTIFICATE_HOLD,       ON_HOLD",
            "ON_HOLD, KEY_COMPROMISE,         REVOKED",
            "ON_HOLD, UNSPECIFIED,            REVOKED",
            "ON_HOLD, CESSATION_OF_OPERATION, REVOKED",
    })
    void allowsTheseRevocations(CertificateStatus current, RevocationReason reason, CertificateStatus next) {
        assertThat(RevocationRules.afterRevocation(current, reason)).isEqualTo(next);
    }

    @ParameterizedTest
    @EnumSource(RevocationReason.class)
    void treatsRevocationAsFinal(RevocationReason reason) {
        assertThatThrownBy(() -> RevocationRules.afterRevocation(CertificateStatus.REVOKED, reason))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_REVOKED);
                    assertThat(e.getMessage()).contains("final");
                });
    }

    @Test
    void refusesToHoldACertificateTwice() {
        assertThatThrownBy(() -> RevocationRules.afterRevocation(CertificateStatus.ON_HOLD, RevocationReason.CERTIFICATE_HOLD))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_REVOKED);
                    assertThat(e.field()).contains("reason");
                });
    }

    @Test
    void releasesAHeldCertificate() {
        assertThat(RevocationRules.afterRelease(CertificateStatus.ON_HOLD)).isEqualTo(CertificateStatus.ISSUED);
    }

    @ParameterizedTest
    @EnumSource(value = CertificateStatus.class, names = "ON_HOLD", mode = EnumSource.Mode.EXCLUDE)
    void releasesNothingThatIsNotOnHold(CertificateStatus current) {
        assertThatThrownBy(() -> RevocationRules.afterRelease(current))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_ON_HOLD);
                    assertThat(e.getMessage()).contains(current.name());
                });
    }
}
