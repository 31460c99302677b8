package org.civicca.api.crl;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
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
 * The CA's CRL lock in the database makes the numbers strictly increase, with no gap, whichever node makes them.
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
        PublishedCrl crl = transactions.execute(status -> publishWithin(caName, actor));
        cache.offer(crl);
        return crl;
    }

    /** In the caller's transaction: the number, the CRL, what it read of the audit chain, and its audit entry. */
    private PublishedCrl publishWithin(String caName, String actor) {
        long audited = audit.headSequence();
        PublishedCrl made = publisher.publish(caName);
        store.recordAuditSequence(made, audited);
        audit.record(actor, "crl.published", caName, "number=" + made.number() + "; nextUpdate=" + made.nextUpdate());
        return made;
    }

    /** Whether the CA's newest CRL may miss a revocation or release audited after it read the revoked certificates. */
    boolean mayMissRevocations(String caName) {
        return store.mayMissRevocations(caName);
    }

    /**
     * Makes the next CRL, by the CA itself, only if the newest one, whichever node made it, is still due or may still
     * miss a revocation once this node holds the CA's CRL lock: of several nodes that find the same CRL due, the first
     * makes it and the others find it fresh. A self-check failure is audited here, as no HTTP answer carries it.
     */
    Optional<PublishedCrl> publishBySystemIfDue(String caName, Predicate<Optional<CrlWindow>> due) {
        Optional<PublishedCrl> crl = auditingSelfCheck(caName, () -> transactions.execute(status ->
                due.test(store.lockNewestWindow(caName)) || store.mayMissRevocations(caName)
                        ? Optional.of(publishWithin(caName, Actor.SYSTEM))
                        : Optional.<PublishedCrl>empty()));
        crl.ifPresent(cache::offer);
        return crl;
    }

    private <T> T auditingSelfCheck(String caName, Supplier<T> publication) {
        try {
            return publication.get();
        } catch (CaException e) {
            if (e.code() == ErrorCode.SELF_CHECK_FAILED) {
                audit.recordFailure(Actor.SYSTEM, "selfcheck.failed", caName, e.getMessage());
            }
            throw e;
        }
    }

    /** Loads the newest stored CRL into memory if another node made a newer one than this node holds (or at start). */
    void pickUpNewer(String caName) {
        long held = cache.get(caName).map(HeldCrl::number).orElse(0L);
        if (store.latestNumber(caName) > held) {
            transactions.execute(status -> store.latest(caName)).ifPresent(cache::offer);
        }
    }
}
