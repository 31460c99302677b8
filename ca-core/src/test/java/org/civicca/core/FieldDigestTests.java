package org.civicca.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The encoding is part of stored data (request fingerprints, audit hashes): it must never change. */
class FieldDigestTests {

    @Test
    void hashesLengthPrefixedUtf8FieldsAndADashForAnAbsentOne() {
        // SHA-256 of the bytes "1:a" + "-" + "4:" + UTF-8("Ánh"), computed independently.
        assertThat(new FieldDigest().field("a").field(null).field("Ánh").hex())
                .isEqualTo("a89864b227f354a29eee84d2948cce66e4d58889481b95aa1ec1c9a4d4b033e5");
    }

    @Test
    void differentSplitsOfTheSameTextHashDifferently() {
        assertThat(new FieldDigest().field("ab").field("c").hex()).isNotEqualTo(new FieldDigest().field("a").field("bc").hex());
    }
}
