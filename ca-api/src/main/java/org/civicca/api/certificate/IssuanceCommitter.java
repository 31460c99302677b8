package org.civicca.api.certificate;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicca.api.audit.AuditEvent;
import org.civicca.api.audit.AuditLog;
import org.civicca.core.store.CertificateRecord;
import org.civicca.core.store.CertificateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for issuance. Request threads verify and sign in parallel, then hand their certificate and its audit
 * entry over; one writer thread takes everything waiting and commits it in one transaction (one batch of inserts, one
 * lock of the audit chain's head, one commit), then completes each request's future. A request is
 * answered only after its group has committed, so nothing acknowledged is lost, and a busy service pays for one
 * commit per group instead of one per certificate, without ever waiting on a timer. When a group fails (a requestId
 * taken by a twin meanwhile, a broken connection) its certificates are stored again one by one, each in its own
 * transaction, so that each request gets its own outcome.
 */
@Component
class IssuanceCommitter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IssuanceCommitter.class);
    private static final int MAX_GROUP = 512;

    private final CertificateStore store;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final DistributionSummary groupSizes;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger committing = new AtomicInteger();
    private final Thread writer;
    private volatile boolean closed;

    IssuanceCommitter(CertificateStore store, AuditLog audit, TransactionTemplate transactions, MeterRegistry meters) {
        this.store = store;
        this.audit = audit;
        this.transactions = transactions;
        this.groupSizes = DistributionSummary.builder("civicca.issuance.commit.group")
                .description("Certificates stored by one commit").baseUnit("certificates").register(meters);
        Gauge.builder("civicca.issuance.commit.waiting", queue, BlockingQueue::size)
                .description("Signed certificates waiting for their group's commit").register(meters);
        Gauge.builder("civicca.issuance.commit.committing", committing, AtomicInteger::get)
                .description("Certificates of the group being committed now").register(meters);
        this.writer = new Thread(this::run, "issuance-commit");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Hands a new certificate with its audit entry to the writer. The future completes, on the writer's thread, once
     * both are committed; exceptionally with {@link org.civicca.core.store.DuplicateRequestException} when a twin
     * took the requestId first. Whatever depends on it must be quick: the writer's next group waits.
     */
    CompletableFuture<Void> submit(CertificateRecord record, AuditEvent event) {
        Pending pending = new Pending(record, event, new CompletableFuture<>());
        queue.add(pending);
        // No lock on this path: had the writer already left, the pending certificate is still in the queue to take back.
        if (closed && queue.remove(pending)) {
            throw new IllegalStateException("the service is shutting down");
        }
        return pending.done();
    }

    private void run() {
        List<Pending> group = new ArrayList<>(MAX_GROUP);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                committing.set(group.size());
                commitGroup(group);
            } catch (InterruptedException e) {
                log.warn("Issuance writer interrupted; it goes on until the service stops");
            } finally {
                committing.set(0);
                group.clear();
            }
        }
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
        closed = true;
        writer.join();
    }

    private record Pending(CertificateRecord record, AuditEvent event, CompletableFuture<Void> done) {
    }
}
