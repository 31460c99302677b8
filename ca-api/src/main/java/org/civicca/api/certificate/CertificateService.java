package org.civicca.api.certificate;

import org.civicca.api.account.Actor;
import org.civicca.api.audit.AuditLog;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues certificates in one transaction each: the certificate and its audit entry are committed before the
 * certificate is returned. When a concurrent twin with the same requestId commits first, the loser's transaction
 * rolls back and a second, fresh transaction returns the twin's certificate (or a conflict).
 */
@Service
public class CertificateService {

    private final IssuanceService issuance;
    private final CertificateStore store;
    private final TransactionTemplate transactions;
    private final AuditLog audit;

    CertificateService(IssuanceService issuance, CertificateStore store, TransactionTemplate transactions, AuditLog audit) {
        this.issuance = issuance;
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
    }

    public IssuanceService.Issued issue(IssuanceRequest request, Actor actor) {
        actor.scope().filter(agency -> !agency.equals(request.agency())).ifPresent(agency -> {
            throw new CaException(ErrorCode.FORBIDDEN, "agency", ApiMessage.CLERK_OWN_AGENCY_REQUESTS, agency);
        });
        try {
            return transactions.execute(status -> issueAndAudit(request, actor.name()));
        } catch (DuplicateRequestException e) {
            return transactions.execute(status -> issuance.issue(request));
        }
    }

    /** The certificate, if the actor may see it: a clerk sees only their agency's, and others' do not exist for them. */
    public CertificateRecord find(String serial, Actor actor) {
        SerialNumber number = SerialNumber.parse(serial);
        return store.findBySerial(number)
                .filter(record -> actor.scope().map(record.agency()::equals).orElse(true))
                .orElseThrow(() -> new CaException(ErrorCode.UNKNOWN_CERTIFICATE, "serial", CoreMessage.NO_CERTIFICATE_WITH_SERIAL,
                        number.hex()));
    }

    private IssuanceService.Issued issueAndAudit(IssuanceRequest request, String actor) {
        IssuanceService.Issued issued = issuance.issue(request);
        if (issued.created()) {
            CertificateRecord record = issued.record();
            audit.record(actor, "certificate.issued", record.serial().hex(), "profile=" + record.profile() + "; agency="
                    + record.agency() + "; requestId=" + record.requestId().orElse("-") + "; subject=" + record.subjectDn());
        }
        return issued;
    }
}
