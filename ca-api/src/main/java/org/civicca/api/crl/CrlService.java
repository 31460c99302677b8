package org.civicca.api.crl;

import org.civicca.api.account.Actor;
import org.civicca.api.audit.AuditLog;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.crl.CrlPublisher;
import org.civicca.core.crl.PublishedCrl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a CA's next CRL in one transaction (number, CRL and audit entry), then serves it from memory once committed.
 * The CRL records the audit chain's head as it was before the revoked certificates were read: every revocation and
 * release audited up to there is in it, and one audited later shows that the CRL may miss it.
 */
@Service
public class CrlService {

    private final CrlPublisher publisher;
    private final JdbcCrlStore store;
    private final CrlCache cache;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    CrlService(CrlPublisher publisher, JdbcCrlStore store, CrlCache cache, AuditLog audit, TransactionTemplate transactions) {
        this.publisher = publisher;
        this.store = store;
        this.cache = cache;
        this.audit = audit;
        this.transactions = transactions;
    }

    public PublishedCrl publish(String caName, String actor) {
        PublishedCrl crl = transactions.execute(status -> {
            long audited = audit.headSequence();
            PublishedCrl made = publisher.publish(caName);
            store.recordAuditSequence(made, audited);
            audit.record(actor, "crl.published", caName, "number=" + made.number() + "; nextUpdate=" + made.nextUpdate());
            return made;
        });
        cache.offer(crl);
        return crl;
    }

    /** As {@link #publish}; a self-check failure is audited here, as no HTTP answer carries it. */
    PublishedCrl publishBySystem(String caName) {
        try {
            return publish(caName, Actor.SYSTEM);
        } catch (CaException e) {
            if (e.code() == ErrorCode.SELF_CHECK_FAILED) {
                audit.recordFailure(Actor.SYSTEM, "selfcheck.failed", caName, e.getMessage());
            }
            throw e;
        }
    }

    /** Loads the newest stored CRL into memory, e.g. at start or when another node made one. */
    void loadLatest(String caName) {
        transactions.execute(status -> store.latest(caName)).ifPresent(cache::offer);
    }
}
