package org.civicca.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Time;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EncodedTimeTests {

    @ParameterizedTest
    @CsvSource({
            "500101000000Z, 1950-01-01T00:00:00Z",
            "991231235959Z, 1999-12-31T23:59:59Z",
            "000101000000Z, 2000-01-01T00:00:00Z",
            "261203105307Z, 2026-12-03T10:53:07Z",
            "491231235959Z, 2049-12-31T23:59:59Z"})
    void readsAUtcTimeWithTheCenturyRfc5280Gives(String encoded, Instant expected) {
        Time time = new Time(new ASN1UTCTime(encoded));

        assertThat(EncodedTime.instant(time)).isEqualTo(expected).isEqualTo(time.getDate().toInstant());
    }

    @ParameterizedTest
    @CsvSource({
            "20500101000000Z, 2050-01-01T00:00:00Z",
            "99991231235959Z, 9999-12-31T23:59:59Z",
            "20240229120000Z, 2024-02-29T12:00:00Z"})
    void readsAGeneralizedTime(String encoded, Instant expected) {
        Time time = new Time(new ASN1GeneralizedTime(encoded));

        assertThat(EncodedTime.instant(time)).isEqualTo(expected).isEqualTo(time.getDate().toInstant());
        assertThat(EncodedTime.sortableText(time)).isEqualTo(encoded.substring(0, 14));
    }

    @ParameterizedTest
    @ValueSource(strings = {"20261203105307.5Z", "20261203105307+0100", "20261203105307"})
    void leavesFormsRfc5280DoesNotAllowToTheGeneralParser(String encoded) {
        Time time = new Time(new ASN1GeneralizedTime(encoded));

        assertThat(EncodedTime.sortableText(time)).isNull();
        assertThat(EncodedTime.instant(time)).isEqualTo(time.getDate().toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"261303105307Z", "260230105307Z"})
    void leavesDigitsThatNameNoTimeToTheGeneralParser(String encoded) {
        Time time = new Time(new ASN1UTCTime(encoded));

        assertThat(EncodedTime.sortableText(time)).isNotNull();
        assertThat(EncodedTime.instant(time)).isEqualTo(time.getDate().toInstant());
    }
}
