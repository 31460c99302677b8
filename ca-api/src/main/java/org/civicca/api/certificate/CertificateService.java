package org.civicca.api.certificate;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.civicca.api.account.Actor;
import org.civicca.api.audit.AuditEvent;
import org.civicca.api.audit.AuditLog;
import org.civicca.api.audit.AuditOrigin;
import org.civicca.api.web.ApiMessage;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.SerialNumber;
import org.civicca.core.issue.IssuanceRequest;
import org.civicca.core.issue.IssuanceService;
import org.civicca.core.message.CoreMessage;
import org.civicca.core.store.CertificateRecord;
import org.civicca.core.store.CertificateStore;
import org.civicca.core.store.DuplicateRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues certificates: checks and signs on the caller's thread, then stores the certificate and its audit entry
 * through the {@link IssuanceCommitter}, and hands it out only after both are committed. When a concurrent twin with
 * the same requestId commits first, the request is answered with the twin's certificate (or a conflict).
 */
@Service
public class CertificateService {

    private final IssuanceService issuance;
    private final CertificateStore store;
    private final IssuanceCommitter committer;
    private final AuditLog audit;
    private final IssuedCertificates issued;

    CertificateService(IssuanceService issuance, CertificateStore store, IssuanceCommitter committer, AuditLog audit,
                       IssuedCertificates issued) {
        this.issuance = issuance;
        this.store = store;
        this.committer = committer;
        this.audit = audit;
        this.issued = issued;
    }

    /**
     * Checks and signs now, on the caller's thread; the future completes once the certificate and its audit entry are
     * committed (or holds the certificate that the requestId already had), so the caller's thread serves other
     * requests while the group commits.
     */
    public CompletableFuture<IssuanceService.Issued> issue(IssuanceRequest request, Actor actor) {
        requireScope(request, actor);
        return issue(request, actor, AuditOrigin.current());
    }

    private CompletableFuture<IssuanceService.Issued> issue(IssuanceRequest request, Actor actor, AuditOrigin origin) {
        IssuanceService.Issued prepared = issuance.prepare(request);
        if (!prepared.created()) {
            return CompletableFuture.completedFuture(prepared);
        }
        return committer.submit(prepared.record(), issuedEvent(prepared.record(), actor, origin))
                .thenApply(committed -> {
                    issued.committed(prepared.record());
                    return prepared;
                })
                .exceptionallyComposeAsync(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                    // Off the writer's thread: a twin took the requestId, so this now finds its certificate, or the conflict.
                    return cause instanceof DuplicateRequestException ? issue(request, actor, origin) : CompletableFuture.failedFuture(cause);
                });
    }

    /** Issues inside the caller's transaction (an approval): the certificate commits or rolls back with the caller's work. */
    @Transactional(propagation = Propagation.MANDATORY)
    public IssuanceService.Issued issueWithin(IssuanceRequest request, Actor actor) {
        requireScope(request, actor);
        IssuanceService.Issued outcome = issuance.issue(request);
        if (outcome.created()) {
            audit.recordAll(List.of(issuedEvent(outcome.record(), actor, AuditOrigin.current())));
            issued.onCommit(outcome.record());
        }
        return outcome;
    }

    /** The certificate, if the actor may see it: a clerk sees only their agency's, and others' do not exist for them. */
    public CertificateRecord find(String serial, Actor actor) {
        SerialNumber number = SerialNumber.parse(serial);
        return store.findBySerial(number)
                .filter(record -> actor.scope().map(record.agency()::equals).orElse(true))
                .orElseThrow(() -> new CaException(ErrorCode.UNKNOWN_CERTIFICATE, "serial", CoreMessage.NO_CERTIFICATE_WITH_SERIAL,
                        number.hex()));
    }

    private static void requireScope(IssuanceRequest request, Actor actor) {
        actor.scope().filter(agency -> !agency.equals(request.agency())).ifPresent(agency -> {
            throw new CaException(ErrorCode.FORBIDDEN, "agency", ApiMessage.CLERK_OWN_AGENCY_REQUESTS, agency);
        });
    }

    private static AuditEvent issuedEvent(CertificateRecord record, Actor actor, AuditOrigin origin) {
        return new AuditEvent(actor.name(), "certificate.issued", record.serial().hex(), "ok", "profile=" + record.profile()
                + "; agency=" + record.agency() + "; requestId=" + record.requestId().orElse("-") + "; subject=" + record.subjectDn(),
                origin);
    }
}
