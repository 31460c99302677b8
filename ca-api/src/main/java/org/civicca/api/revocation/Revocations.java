package org.civicca.api.revocation;

import java.util.Optional;
import org.civicca.api.account.Actor;
import org.civicca.api.account.Role;
import org.civicca.api.audit.AuditLog;
import org.civicca.api.certificate.CertificateService;
import org.civicca.api.crl.CrlScheduler;
import org.civicca.api.web.ApiMessage;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.revoke.RevocationReason;
import org.civicca.core.revoke.RevocationService;
import org.civicca.core.store.CertificateRecord;
import org.civicca.core.subject.FieldRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revokes and releases in one transaction with the record of who asked and the audit entry; once committed, the
 * issuer's next CRL is requested (bursts coalesce into one CRL). Clerks act on their own agency's certificates only
 * and may not withdraw privileges, which is an officer's decision.
 */
@Service
class Revocations {

    private final RevocationService revocations;
    private final CertificateService certificates;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final CrlScheduler crls;

    Revocations(RevocationService revocations, CertificateService certificates, JdbcClient jdbc, AuditLog audit, CrlScheduler crls) {
        this.revocations = revocations;
        this.certificates = certificates;
        this.jdbc = jdbc;
        this.audit = audit;
        this.crls = crls;
    }

    @Transactional
    public CertificateRecord revoke(String serial, RevocationBody body, Actor actor) {
        CertificateRecord current = certificates.find(serial, actor);
        if (body.reason() == null || body.reason().isBlank()) {
            throw new CaException(ErrorCode.INVALID_FIELD, "reason", ApiMessage.REASON_REQUIRED);
        }
        RevocationReason reason = RevocationReason.parse(body.reason());
        if (reason == RevocationReason.PRIVILEGE_WITHDRAWN && actor.is(Role.CLERK)) {
            throw new CaException(ErrorCode.FORBIDDEN, "reason", ApiMessage.PRIVILEGE_WITHDRAWN_OFFICERS);
        }
        String ticket = FieldRule.TICKET.checkOptional("ticket", body.ticket());
        CertificateRecord revoked = revocations.revoke(current, reason, Optional.ofNullable(body.invalidityDate()));
        jdbc.sql("UPDATE certificate SET revoked_by = ?, revocation_ticket = ? WHERE serial = ?")
                .param(actor.name()).param(ticket).param(revoked.serial().hex()).update();
        audit.record(actor.name(), "certificate.revoked", revoked.serial().hex(), "reason=" + reason.rfcName()
                + (body.invalidityDate() == null ? "" : "; invalidityDate=" + body.invalidityDate())
                + (ticket == null ? "" : "; ticket=" + ticket));
        crls.publishSoonAfterCommit(revoked.issuer());
        return revoked;
    }

    @Transactional
    public CertificateRecord release(String serial, Actor actor) {
        CertificateRecord current = certificates.find(serial, actor);
        CertificateRecord released = revocations.release(current);
        jdbc.sql("UPDATE certificate SET revoked_by = NULL, revocation_ticket = NULL WHERE serial = ?")
                .param(released.serial().hex()).update();
        audit.record(actor.name(), "certificate.released", released.serial().hex(), "hold released");
        crls.publishSoonAfterCommit(released.issuer());
        return released;
    }
}
