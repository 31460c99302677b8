package org.civicca.api.certificate;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.civicca.api.audit.AuditEvent;
import org.civicca.api.audit.AuditLog;
import org.civicca.api.commit.GroupWriter;
import org.civicca.core.store.CertificateRecord;
import org.civicca.core.store.CertificateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for issuance. Request threads verify and sign in parallel, then hand their certificate and its audit
 * entry over; the {@link GroupWriter} commits everything waiting in one transaction (one batch of inserts, one
 * lock of the audit chain's head, one commit), then completes each request's future. A request is
 * answered only after its group has committed, so nothing acknowledged is lost. When a group fails (a requestId
 * taken by a twin meanwhile, a broken connection) its certificates are stored again one by one, each in its own
 * transaction, so that each request gets its own outcome.
 */
@Component
class IssuanceCommitter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IssuanceCommitter.class);

    private final CertificateStore store;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final DistributionSummary groupSizes;
    private final GroupWriter<Pending> writer;

    IssuanceCommitter(CertificateStore store, AuditLog audit, TransactionTemplate transactions, MeterRegistry meters) {
        this.store = store;
        this.audit = audit;
        this.transactions = transactions;
        this.groupSizes = DistributionSummary.builder("civicca.issuance.commit.group")
                .description("Certificates stored by one commit").baseUnit("certificates").register(meters);
        this.writer = new GroupWriter<>("issuance-commit", "civicca.issuance.commit", "Signed certificates", meters, this::commitGroup);
    }

    /**
     * Hands a new certificate with its audit entry to the writer. The future completes, on the writer's thread, once
     * both are committed; exceptionally with {@link org.civicca.core.store.DuplicateRequestException} when a twin
     * took the requestId first. Whatever depends on it must be quick: the writer's next group waits.
     */
    CompletableFuture<Void> submit(CertificateRecord record, AuditEvent event) {
        Pending pending = new Pending(record, event, new CompletableFuture<>());
        writer.submit(pending);
        return pending.done();
    }

    private void commitGroup(List<Pending> group) {
        try {
            transactions.executeWithoutResult(status -> {
                store.insertAll(group.stream().map(Pending::record).toList());
                audit.recordAll(group.stream().map(Pending::event).toList());
            });
            groupSizes.record(group.size());
            group.forEach(pending -> pending.done().complete(null));
        } catch (RuntimeException | Error e) {
            // Whatever failed, every waiting request must get an answer, and the writer must live on for the next ones.
            log.debug("A group of {} certificates failed to commit; storing them one by one", group.size(), e);
            group.forEach(this::commitAlone);
        }
    }

    private void commitAlone(Pending pending) {
        try {
            transactions.executeWithoutResult(status -> {
                store.insert(pending.record());
                audit.recordAll(List.of(pending.event()));
            });
            groupSizes.record(1);
            pending.done().complete(null);
        } catch (RuntimeException | Error e) {
            pending.done().completeExceptionally(e);
        }
    }

    /** Called after the web server has stopped taking requests: commits what is waiting, then stops the writer. */
    @Override
    public void destroy() throws InterruptedException {
        writer.close();
    }

    private record Pending(CertificateRecord record, AuditEvent event, CompletableFuture<Void> done) {
    }
}
