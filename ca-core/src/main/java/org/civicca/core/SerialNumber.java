package org.civicca.core;

import java.math.BigInteger;
import java.util.Locale;
import org.civicca.core.message.CoreMessage;

/** A certificate serial number: positive, at most 20 octets (RFC 5280 4.1.2.2), written as lower-case hex. */
public record SerialNumber(BigInteger value) {

    public SerialNumber {
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException("serial number must be positive");
        }
        if (value.toByteArray().length > 20) {
            throw new IllegalArgumentException("serial number must fit in 20 octets");
        }
    }

    public static SerialNumber parse(String hex) {
        if (hex == null || hex.isEmpty() || hex.length() > 40 || !hex.matches("[0-9a-fA-F]+")) {
            throw new CaException(ErrorCode.UNKNOWN_CERTIFICATE, "serial", CoreMessage.SERIAL_HEX_DIGITS);
        }
        BigInteger value = new BigInteger(hex, 16);
        if (value.signum() == 0 || value.toByteArray().length > 20) {
            throw new CaException(ErrorCode.UNKNOWN_CERTIFICATE, "serial", CoreMessage.SERIAL_RANGE);
        }
        return new SerialNumber(value);
    }

    public String hex() {
        return value.toString(16).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return hex();
    }
}
