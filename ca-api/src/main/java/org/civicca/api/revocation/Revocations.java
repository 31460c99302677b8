package org.civicca.api.revocation;

import java.util.Optional;
import org.civicca.api.audit.AuditLog;
import org.civicca.api.crl.CrlScheduler;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.SerialNumber;
import org.civicca.core.revoke.RevocationReason;
import org.civicca.core.revoke.RevocationService;
import org.civicca.core.store.CertificateRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revokes and releases in one transaction with the audit entry; once committed, the issuer's next CRL is
 * requested (bursts coalesce into one CRL).
 */
@Service
class Revocations {

    private final RevocationService revocations;
    private final AuditLog audit;
    private final CrlScheduler crls;

    Revocations(RevocationService revocations, AuditLog audit, CrlScheduler crls) {
        this.revocations = revocations;
        this.audit = audit;
        this.crls = crls;
    }

    @Transactional
    public CertificateRecord revoke(String serial, RevocationBody body, String actor) {
        if (body.reason() == null || body.reason().isBlank()) {
            throw new CaException(ErrorCode.INVALID_FIELD, "reason", "reason is required (for example keyCompromise or certificateHold)");
        }
        RevocationReason reason = RevocationReason.parse(body.reason());
        CertificateRecord revoked = revocations.revoke(SerialNumber.parse(serial), reason, Optional.ofNullable(body.invalidityDate()));
        audit.record(actor, "certificate.revoked", revoked.serial().hex(), "reason=" + reason.rfcName()
                + (body.invalidityDate() == null ? "" : "; invalidityDate=" + body.invalidityDate()));
        crls.publishSoonAfterCommit(revoked.issuer());
        return revoked;
    }

    @Transactional
    public CertificateRecord release(String serial, String actor) {
        CertificateRecord released = revocations.release(SerialNumber.parse(serial));
        audit.record(actor, "certificate.released", released.serial().hex(), "hold released");
        crls.publishSoonAfterCommit(released.issuer());
        return released;
    }
}
