package org.civicca.core.revoke;

import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.message.CoreMessage;

/**
 * The state changes revocation allows. A hold (certificateHold) may be released, or made final with another
 * reason; any other revocation is final.
 */
public final class RevocationRules {

    private RevocationRules() {
    }

    public static CertificateStatus afterRevocation(CertificateStatus current, RevocationReason reason) {
        return switch (current) {
            case ISSUED, EXPIRED -> reason == RevocationReason.CERTIFICATE_HOLD ? CertificateStatus.ON_HOLD : CertificateStatus.REVOKED;
            case ON_HOLD -> {
                if (reason == RevocationReason.CERTIFICATE_HOLD) {
                    throw new CaException(ErrorCode.ALREADY_REVOKED, "reason", CoreMessage.ALREADY_ON_HOLD);
                }
                yield CertificateStatus.REVOKED;
            }
            case REVOKED -> throw new CaException(ErrorCode.ALREADY_REVOKED, null, CoreMessage.ALREADY_REVOKED);
        };
    }

    public static CertificateStatus afterRelease(CertificateStatus current) {
        if (current != CertificateStatus.ON_HOLD) {
            throw new CaException(ErrorCode.NOT_ON_HOLD, null, CoreMessage.NOT_ON_HOLD, current);
        }
        return CertificateStatus.ISSUED;
    }
}
