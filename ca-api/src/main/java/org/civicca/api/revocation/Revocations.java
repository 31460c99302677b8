package org.civicca.api.revocation;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.civicca.api.account.Actor;
import org.civicca.api.account.Role;
import org.civicca.api.audit.AuditEvent;
import org.civicca.api.audit.AuditLog;
import org.civicca.api.audit.AuditOrigin;
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
 * Revokes and releases with the record of who asked and the audit entry, committed together; once committed, the
 * issuer's next CRL is requested (bursts coalesce into one CRL). Revocations go through the {@link RevocationCommitter},
 * so that a burst (a bulk revocation from the CLI) shares commits. Clerks act on their own agency's certificates only
 * and may not withdraw privileges, which is an officer's decision.
 */
@Service
class Revocations {

    private final RevocationService revocations;
    private final CertificateService certificates;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final CrlScheduler crls;
    private final RevocationCommitter committer;

    Revocations(RevocationService revocations, CertificateService certificates, JdbcClient jdbc, AuditLog audit, CrlScheduler crls,
                RevocationCommitter committer) {
        this.revocations = revocations;
        this.certificates = certificates;
        this.jdbc = jdbc;
        this.audit = audit;
        this.crls = crls;
        this.committer = committer;
    }

    /**
     * Checks the request now, on the caller's thread; the future completes once the revocation and its audit entry
     * are committed, exceptionally when a concurrent change of the certificate's status got there first.
     */
    public CompletableFuture<CertificateRecord> revoke(String serial, RevocationBody body, Actor actor) {
        CertificateRecord current = certificates.find(serial, actor);
        if (body.reason() == null || body.reason().isBlank()) {
            throw new CaException(ErrorCode.INVALID_FIELD, "reason", ApiMessage.REASON_REQUIRED);
        }
        RevocationReason reason = RevocationReason.parse(body.reason());
        if (reason == RevocationReason.PRIVILEGE_WITHDRAWN && actor.is(Role.CLERK)) {
            throw new CaException(ErrorCode.FORBIDDEN, "reason", ApiMessage.PRIVILEGE_WITHDRAWN_OFFICERS);
        }
        String ticket = FieldRule.TICKET.checkOptional("ticket", body.ticket());
        AuditEvent event = new AuditEvent(actor.name(), "certificate.revoked", current.serial().hex(), "ok", "reason=" + reason.rfcName()
                + (body.invalidityDate() == null ? "" : "; invalidityDate=" + body.invalidityDate())
                + (ticket == null ? "" : "; ticket=" + ticket), AuditOrigin.current());
        return committer.submit(() -> {
            CertificateRecord revoked = revocations.revoke(current, reason, Optional.ofNullable(body.invalidityDate()));
            jdbc.sql("UPDATE certificate SET revoked_by = ?, revocation_ticket = ? WHERE serial = ?")
                    .param(actor.name()).param(ticket).param(revoked.serial().hex()).update();
            return revoked;
        }, event).thenApply(revoked -> {
            crls.publishSoonAfterCommit(revoked.issuer());
            return revoked;
        });
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
