package org.civicca.api.revocation;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.civicca.api.audit.AuditEvent;
import org.civicca.api.audit.AuditLog;
import org.civicca.api.commit.GroupCommitter;
import org.civicca.api.commit.GroupCommitter.Outcome;
import org.civicca.core.CaException;
import org.civicca.core.store.CertificateRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for revocations ({@link GroupCommitter}). Request threads find the certificate and check who may
 * revoke it and why; a group applies every change waiting (each a compare-and-set of the certificate's status) and
 * appends their audit entries once. A change its compare-and-set refuses (a concurrent revocation got there first)
 * writes nothing and is refused alone, while the rest of its group commits.
 */
@Component
class RevocationCommitter implements DisposableBean {

    private final GroupCommitter<Revocation, CertificateRecord> commits;

    RevocationCommitter(AuditLog audit, TransactionTemplate transactions, MeterRegistry meters) {
        this.commits = new GroupCommitter<>("revocation", "revocations", transactions, meters, group -> {
            List<Outcome<CertificateRecord>> outcomes = new ArrayList<>(group.size());
            List<AuditEvent> events = new ArrayList<>(group.size());
            for (Revocation revocation : group) {
                try {
                    outcomes.add(Outcome.applied(revocation.change().get()));
                    events.add(revocation.event());
                } catch (CaException refused) {
                    outcomes.add(Outcome.refusedBy(refused));
                }
            }
            if (!events.isEmpty()) {
                audit.recordAll(events);
            }
            return outcomes;
        });
    }

    /**
     * Hands a change over to be applied in the next group's transaction: {@code change} writes and returns the changed
     * certificate, or throws a {@link CaException} having written nothing. The future completes on the writer's thread
     * once the change and {@code event} are committed, so whatever depends on it must be quick.
     */
    CompletableFuture<CertificateRecord> submit(Supplier<CertificateRecord> change, AuditEvent event) {
        return commits.submit(new Revocation(change, event));
    }

    /** Called after the web server has stopped taking requests: commits what is waiting, then stops the writer. */
    @Override
    public void destroy() throws InterruptedException {
        commits.close();
    }

    private record Revocation(Supplier<CertificateRecord> change, AuditEvent event) {
    }
}
