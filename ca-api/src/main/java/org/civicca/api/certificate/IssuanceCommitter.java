package org.civicca.api.certificate;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.civicca.api.audit.AuditEvent;
import org.civicca.api.audit.AuditLog;
import org.civicca.api.commit.GroupCommitter;
import org.civicca.api.commit.GroupCommitter.Outcome;
import org.civicca.core.store.CertificateRecord;
import org.civicca.core.store.CertificateStore;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for issuance ({@link GroupCommitter}). Request threads verify and sign in parallel, then hand their
 * certificate and its audit entry over; a group is one batch of inserts and one append to the audit chain. A
 * certificate stored alone after its group failed goes in behind a savepoint, so that a requestId taken by a twin is
 * told apart from any other failure ({@link org.civicca.core.store.DuplicateRequestException}).
 */
@Component
class IssuanceCommitter implements DisposableBean {

    private final GroupCommitter<Issued, Void> commits;

    IssuanceCommitter(CertificateStore store, AuditLog audit, TransactionTemplate transactions, MeterRegistry meters) {
        this.commits = new GroupCommitter<>("issuance", "certificates", transactions, meters, new GroupCommitter.Changes<>() {
            @Override
            public List<Outcome<Void>> applyAll(List<Issued> group) {
                store.insertAll(group.stream().map(Issued::record).toList());
                audit.recordAll(group.stream().map(Issued::event).toList());
                return Collections.nCopies(group.size(), Outcome.applied(null));
            }

            @Override
            public Outcome<Void> applyAlone(Issued issued) {
                store.insert(issued.record());
                audit.recordAll(List.of(issued.event()));
                return Outcome.applied(null);
            }
        });
    }

    /**
     * Hands a new certificate with its audit entry to the writer. The future completes, on the writer's thread, once
     * both are committed; exceptionally with {@link org.civicca.core.store.DuplicateRequestException} when a twin
     * took the requestId first. Whatever depends on it must be quick: the writer's next group waits.
     */
    CompletableFuture<Void> submit(CertificateRecord record, AuditEvent event) {
        return commits.submit(new Issued(record, event));
    }

    /** Called after the web server has stopped taking requests: commits what is waiting, then stops the writer. */
    @Override
    public void destroy() throws InterruptedException {
        commits.close();
    }

    private record Issued(CertificateRecord record, AuditEvent event) {
    }
}
