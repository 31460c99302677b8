package org.civicca.api.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.util.stream.Collectors;
import org.civicca.api.account.Actor;
import org.civicca.api.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Online backups: a consistent snapshot of the database, audited ({@code backup.made}, no secrets) before a byte of it
 * leaves, then streamed with the CA keystore as one archive. Refusals (another database, a snapshot that does not
 * open) happen before the answer starts, so they reach the caller as problems.
 */
@Service
class BackupService {

    private final H2Snapshots snapshots;
    private final BackupArchive archive;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    BackupService(H2Snapshots snapshots, BackupArchive archive, AuditLog audit, TransactionTemplate transactions) {
        this.snapshots = snapshots;
        this.archive = archive;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** The snapshot to send; the caller closes it, which removes its files. */
    DatabaseSnapshot prepare(Actor actor) {
        DatabaseSnapshot snapshot = snapshots.take();
        try {
            DatabaseSnapshot.Facts facts = snapshot.facts();
            String crlNumbers = facts.authorities().stream().map(a -> a.name() + ":" + a.crlNumber()).collect(Collectors.joining(","));
            transactions.executeWithoutResult(status -> audit.record(actor.name(), "backup.made", BackupArchive.fileName(facts),
                    "database=H2; schema=" + facts.schemaVersion() + "; auditSequence=" + facts.auditSequence() + "; crlNumbers="
                            + crlNumbers + "; keystore included, its password not"));
            return snapshot;
        } catch (RuntimeException e) {
            snapshot.close();
            throw e;
        }
    }

    void write(DatabaseSnapshot snapshot, OutputStream out) throws IOException {
        archive.write(snapshot, out);
    }
}
