package org.civicca.api.crl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A CRL valid 24 hours, remade at half its validity, checked every 30 minutes: fresh until two checks past its
 * refresh point, then stale while relying parties still accept it, lapsed from its nextUpdate.
 */
class CrlFreshnessTests {

    private static final Instant THIS_UPDATE = Instant.parse("2026-03-02T08:00:00Z");
    private static final HeldCrl CRL = new HeldCrl(7, THIS_UPDATE, THIS_UPDATE.plus(Duration.ofHours(24)), null);
    private final CrlFreshness freshness = new CrlFreshness(0.5, Duration.ofMinutes(30));

    @ParameterizedTest(name = "{0} after thisUpdate: {1}")
    @CsvSource({
            "PT0S,       FRESH",
            "PT12H,      FRESH",
            "PT13H,      FRESH",
            "PT13H0.001S, STALE",
            "PT23H59M59S, STALE",
            "PT24H,      LAPSED",
            "PT72H,      LAPSED"})
    void theStateFollowsTheRefreshPointTheCheckIntervalAndTheNextUpdate(Duration elapsed, CrlFreshness.State expected) {
        assertThat(freshness.of(Optional.of(CRL), THIS_UPDATE.plus(elapsed))).isEqualTo(expected);
    }

    @Test
    void aCaWithoutACrlHasAMissingOne() {
        assertThat(freshness.of(Optional.empty(), THIS_UPDATE)).isEqualTo(CrlFreshness.State.MISSING);
    }

    @Test
    void theRefreshPointIsTheConfiguredFractionOfTheValidity() {
        assertThat(freshness.refreshPoint(CRL)).isEqualTo(THIS_UPDATE.plus(Duration.ofHours(12)));
        assertThat(freshness.stalePoint(CRL)).isEqualTo(THIS_UPDATE.plus(Duration.ofHours(13)));
    }

    @Test
    void theStatesAreSpelledInLowerCaseForTheApi() {
        assertThat(CrlFreshness.State.values()).extracting(CrlFreshness.State::label).containsExactly("fresh", "stale", "lapsed", "missing");
    }
}
