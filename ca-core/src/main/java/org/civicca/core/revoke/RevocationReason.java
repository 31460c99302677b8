package org.civicca.core.revoke;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.CRLReason;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.message.CoreMessage;

/**
 * The CRL reason codes of RFC 5280 5.3.1 that a revocation request may name, with their code and camelCase
 * name. removeFromCRL is left out: it belongs to delta CRLs, not to a revocation.
 */
public enum RevocationReason {
    UNSPECIFIED(CRLReason.unspecified, "unspecified"),
    KEY_COMPROMISE(CRLReason.keyCompromise, "keyCompromise"),
    CA_COMPROMISE(CRLReason.cACompromise, "cACompromise"),
    AFFILIATION_CHANGED(CRLReason.affiliationChanged, "affiliationChanged"),
    SUPERSEDED(CRLReason.superseded, "superseded"),
    CESSATION_OF_OPERATION(CRLReason.cessationOfOperation, "cessationOfOperation"),
    CERTIFICATE_HOLD(CRLReason.certificateHold, "certificateHold"),
    PRIVILEGE_WITHDRAWN(CRLReason.privilegeWithdrawn, "privilegeWithdrawn"),
    AA_COMPROMISE(CRLReason.aACompromise, "aACompromise");

    private final int code;
    private final String rfcName;

    RevocationReason(int code, String rfcName) {
        this.code = code;
        this.rfcName = rfcName;
    }

    public static RevocationReason parse(String name) {
        return Arrays.stream(values())
                .filter(r -> r.rfcName.equals(name))
                .findFirst()
                .orElseThrow(() -> new CaException(ErrorCode.INVALID_FIELD, "reason", CoreMessage.REASON_ONE_OF,
                        Arrays.stream(values()).map(RevocationReason::rfcName).collect(Collectors.joining(", "))));
    }

    public static RevocationReason fromCode(int code) {
        return Arrays.stream(values()).filter(r -> r.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown CRL reason code " + code));
    }

    public int code() {
        return code;
    }

    public String rfcName() {
        return rfcName;
    }
}
