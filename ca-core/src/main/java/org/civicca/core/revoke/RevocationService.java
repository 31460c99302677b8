package org.civicca.core.revoke;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.SerialNumber;
import org.civicca.core.message.CoreMessage;
import org.civicca.core.store.CertificateRecord;
import org.civicca.core.store.CertificateStore;

/** Revokes, holds and releases certificates under {@link RevocationRules}; the store's compare-and-set settles races. */
public final class RevocationService {

    private final CertificateStore store;
    private final Clock clock;

    public RevocationService(CertificateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public CertificateRecord revoke(SerialNumber serial, RevocationReason reason, Optional<Instant> invalidityDate) {
        return revoke(find(serial), reason, invalidityDate);
    }

    /** For a caller that has just read the certificate (to check it may act on it): no second read. */
    public CertificateRecord revoke(CertificateRecord current, RevocationReason reason, Optional<Instant> invalidityDate) {
        Instant now = clock.instant();
        if (invalidityDate.isPresent() && invalidityDate.get().isAfter(now)) {
            throw new CaException(ErrorCode.INVALID_FIELD, "invalidityDate", CoreMessage.INVALIDITY_DATE_IN_FUTURE);
        }
        CertificateStatus next = RevocationRules.afterRevocation(current.status(), reason);
        // Whole seconds, as the CRL will state it.
        Revocation revocation = new Revocation(reason, now.truncatedTo(ChronoUnit.SECONDS), invalidityDate);
        return change(current, next, Optional.of(revocation));
    }

    public CertificateRecord release(SerialNumber serial) {
        return release(find(serial));
    }

    public CertificateRecord release(CertificateRecord current) {
        return change(current, RevocationRules.afterRelease(current.status()), Optional.empty());
    }

    public CertificateRecord find(SerialNumber serial) {
        return store.findBySerial(serial)
                .orElseThrow(() -> new CaException(ErrorCode.UNKNOWN_CERTIFICATE, "serial", CoreMessage.NO_CERTIFICATE_WITH_SERIAL, serial.hex()));
    }

    private CertificateRecord change(CertificateRecord current, CertificateStatus next, Optional<Revocation> revocation) {
        if (!store.updateStatus(current.serial(), current.status(), next, revocation)) {
            throw new CaException(ErrorCode.ALREADY_REVOKED, null, CoreMessage.STATUS_CHANGED_CONCURRENTLY);
        }
        return current.withStatus(next, revocation);
    }
}
