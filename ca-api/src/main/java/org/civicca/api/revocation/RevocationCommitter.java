package org.civicca.api.revocation;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.civicca.api.audit.AuditEvent;
import org.civicca.api.audit.AuditLog;
import org.civicca.api.commit.GroupWriter;
import org.civicca.core.CaException;
import org.civicca.core.store.CertificateRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for revocations. Request threads find the certificate and check who may revoke it and why; the
 * {@link GroupWriter} then applies every change waiting (each a compare-and-set of the certificate's status) with
 * their audit entries in one transaction: one lock of the audit chain's head, one commit. A change that its
 * compare-and-set refuses (a concurrent revocation got there first) writes nothing and fails alone, while the rest of
 * its group commits. A group that fails otherwise (a broken connection) is applied again one change at a time, each in
 * its own transaction. A request is answered only after its change has committed.
 */
@Component
class RevocationCommitter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RevocationCommitter.class);

    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final DistributionSummary groupSizes;
    private final GroupWriter<Pending> writer;

    RevocationCommitter(AuditLog audit, TransactionTemplate transactions, MeterRegistry meters) {
        this.audit = audit;
        this.transactions = transactions;
        this.groupSizes = DistributionSummary.builder("civicca.revocation.commit.group")
                .description("Revocations and releases stored by one commit").baseUnit("changes").register(meters);
        this.writer = new GroupWriter<>("revocation-commit", "civicca.revocation.commit", "Revocations and releases", meters,
                this::commitGroup);
    }

    /**
     * Hands a change over to be applied in the next group's transaction: {@code change} writes and returns the changed
     * certificate, or throws a {@link CaException} having written nothing. The future completes on the writer's thread
     * once the change and {@code event} are committed, so whatever depends on it must be quick.
     */
    CompletableFuture<CertificateRecord> submit(Supplier<CertificateRecord> change, AuditEvent event) {
        Pending pending = new Pending(change, event, new CompletableFuture<>());
        writer.submit(pending);
        return pending.done();
    }

    private void commitGroup(List<Pending> group) {
        List<Outcome> outcomes;
        try {
            outcomes = transactions.execute(status -> apply(group));
        } catch (RuntimeException | Error e) {
            // Every waiting request must get an answer, and the writer must live on for the next ones.
            log.debug("A group of {} revocations failed to commit; applying them one by one", group.size(), e);
            group.forEach(this::commitAlone);
            return;
        }
        groupSizes.record(group.size());
        for (int i = 0; i < group.size(); i++) {
            outcomes.get(i).answer(group.get(i).done());
        }
    }

    private void commitAlone(Pending pending) {
        try {
            Outcome outcome = transactions.execute(status -> apply(List.of(pending))).get(0);
            groupSizes.record(1);
            outcome.answer(pending.done());
        } catch (RuntimeException | Error e) {
            pending.done().completeExceptionally(e);
        }
    }

    /** Applies each change in the caller's transaction: per change, the changed certificate or the refusal. */
    private List<Outcome> apply(List<Pending> group) {
        List<Outcome> outcomes = new ArrayList<>(group.size());
        List<AuditEvent> events = new ArrayList<>(group.size());
        for (Pending pending : group) {
            try {
                outcomes.add(new Outcome(pending.change().get(), null));
                events.add(pending.event());
            } catch (CaException refused) {
                outcomes.add(new Outcome(null, refused));
            }
        }
        if (!events.isEmpty()) {
            audit.recordAll(events);
        }
        return outcomes;
    }

    /** Called after the web server has stopped taking requests: commits what is waiting, then stops the writer. */
    @Override
    public void destroy() throws InterruptedException {
        writer.close();
    }

    /** What one change came to: the changed certificate, or the refusal that left it unchanged. */
    private record Outcome(CertificateRecord changed, CaException refused) {

        void answer(CompletableFuture<CertificateRecord> done) {
            if (refused != null) {
                done.completeExceptionally(refused);
            } else {
                done.complete(changed);
            }
        }
    }

    private record Pending(Supplier<CertificateRecord> change, AuditEvent event, CompletableFuture<CertificateRecord> done) {
    }
}
