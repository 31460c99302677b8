package org.civicca.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SerialNumberTests {

    @ParameterizedTest
    @ValueSource(strings = {"1", "0a01", "7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "00ff"})
    void parsesHexIntoLowerCaseWithoutLeadingZeros(String hex) {
        SerialNumber serial = SerialNumber.parse(hex);

        assertThat(serial.value()).isEqualTo(new BigInteger(hex, 16));
        assertThat(serial.hex()).isEqualTo(new BigInteger(hex, 16).toString(16));
        assertThat(SerialNumber.parse(serial.hex())).isEqualTo(serial);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0", "000", "-1", "xyz", "0x1f", "1 2", "12345678901234567890123456789012345678901",
            "ffffffffffffffffffffffffffffffffffffffff", "8000000000000000000000000000000000000000"})
    void refusesAnythingButOneTo40HexDigitsOfAPositiveNumber(String hex) {
        assertThatThrownBy(() -> SerialNumber.parse(hex))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_CERTIFICATE);
                    assertThat(e.field()).contains("serial");
                });
    }

    @Test
    void holdsOnlyPositiveValuesOfAtMost20Octets() {
        assertThatThrownBy(() -> new SerialNumber(BigInteger.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SerialNumber(BigInteger.ONE.negate())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SerialNumber(BigInteger.ONE.shiftLeft(159))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SerialNumber(BigInteger.ONE.shiftLeft(159).subtract(BigInteger.ONE)).value().toByteArray()).hasSize(20);
    }
}
