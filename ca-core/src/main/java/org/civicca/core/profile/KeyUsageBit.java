package org.civicca.core.profile;

import java.util.Arrays;
import java.util.Collection;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.message.CoreMessage;

/** The keyUsage bits of RFC 5280 4.2.1.3 under their RFC names. */
public enum KeyUsageBit {
    DIGITAL_SIGNATURE("digitalSignature", KeyUsage.digitalSignature),
    NON_REPUDIATION("nonRepudiation", KeyUsage.nonRepudiation),
    KEY_ENCIPHERMENT("keyEncipherment", KeyUsage.keyEncipherment),
    DATA_ENCIPHERMENT("dataEncipherment", KeyUsage.dataEncipherment),
    KEY_AGREEMENT("keyAgreement", KeyUsage.keyAgreement),
    KEY_CERT_SIGN("keyCertSign", KeyUsage.keyCertSign),
    CRL_SIGN("cRLSign", KeyUsage.cRLSign);

    private final String rfcName;
    private final int bit;

    KeyUsageBit(String rfcName, int bit) {
        this.rfcName = rfcName;
        this.bit = bit;
    }

    public static KeyUsageBit parse(String name) {
        return Arrays.stream(values())
                .filter(b -> b.rfcName.equalsIgnoreCase(name.trim()))
                .findFirst()
                .orElseThrow(() -> new CaException(ErrorCode.CA_CONFIGURATION, null, CoreMessage.UNKNOWN_KEY_USAGE, name));
    }

    public String rfcName() {
        return rfcName;
    }

    public static KeyUsage toKeyUsage(Collection<KeyUsageBit> bits) {
        return new KeyUsage(bits.stream().mapToInt(b -> b.bit).reduce(0, (a, b) -> a | b));
    }
}
