package org.civicca.cli.enroll;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.civicca.cli.CliException;
import org.civicca.cli.client.ApiProblemException;
import org.civicca.cli.client.CaClient;
import org.civicca.cli.client.Retries;
import org.civicca.cli.client.Wire;

/**
 * Enrolls rows a batch at a time: every row's key and CSR in the journal (flushed once for the batch), one call for
 * the batch, then each row settled as if it had been sent alone. A row whose item failed on the server's side goes
 * again alone, with retries, with the key and CSR already in hand; so does every row of a batch the server would not
 * take whole (a body too large, say) and of every batch once the server turns out to predate batches.
 */
final class BatchEnroller {

    private final CaClient client;
    private final RowEnroller rows;
    private final Journal journal;
    private final Locale language;
    private volatile boolean serverTakesBatches = true;

    BatchEnroller(CaClient client, RowEnroller rows, Journal journal, Locale language) {
        this.client = client;
        this.rows = rows;
        this.journal = journal;
        this.language = language;
    }

    /**
     * Reports each row's outcome to {@code done} as soon as it is known. A {@link CliException} (the server is gone)
     * stops the batch; its rows not reported stay in the journal for the next run.
     */
    void enroll(List<EnrollmentRow> batch, BiConsumer<EnrollmentRow, RowEnroller.Outcome> done) {
        if (batch.size() == 1 || !serverTakesBatches) {
            batch.forEach(row -> done.accept(row, guarded(row, () -> rows.enroll(row))));
            return;
        }
        List<Sent> sent = prepare(batch, done);
        if (sent.isEmpty()) {
            return;
        }
        journal.flush();
        Optional<List<Wire.BatchResult>> results;
        try {
            results = send(sent);
        } catch (ApiProblemException e) {
            // Still busy or failing after the retries: each row is refused as it would have been alone, its key kept.
            sent.forEach(item -> done.accept(item.row(), rows.refused(item.row(), e)));
            return;
        }
        if (results.isEmpty()) {
            sent.forEach(item -> done.accept(item.row(), guarded(item.row(), () -> rows.alone(item.row(), item.pending()))));
            return;
        }
        for (int i = 0; i < sent.size(); i++) {
            Sent item = sent.get(i);
            Wire.BatchResult result = results.get().get(i);
            done.accept(item.row(), guarded(item.row(), () -> settle(item, result)));
        }
    }

    /** Each row's key and CSR, taken back from the journal or made now; a row that fails here is reported and left out. */
    private List<Sent> prepare(List<EnrollmentRow> batch, BiConsumer<EnrollmentRow, RowEnroller.Outcome> done) {
        List<Sent> sent = new ArrayList<>();
        for (EnrollmentRow row : batch) {
            RowEnroller.Outcome failed = guarded(row, () -> {
                sent.add(new Sent(row, rows.pending(row)));
                return null;
            });
            if (failed != null) {
                done.accept(row, failed);
            }
        }
        return sent;
    }

    /**
     * The results, in the order of the rows; empty when the server did not take the batch whole, whose rows then go
     * one by one. Throws what is still transient after the retries.
     */
    private Optional<List<Wire.BatchResult>> send(List<Sent> sent) {
        List<Map<String, Object>> bodies = sent.stream().map(item -> item.row().requestBody(item.pending().csrPem())).toList();
        try {
            Optional<List<Wire.BatchResult>> results = Retries.call(() -> client.issueBatch(bodies));
            if (results.isEmpty()) {
                serverTakesBatches = false;
            }
            return results.filter(list -> list.size() == bodies.size());
        } catch (ApiProblemException e) {
            if (e.isTransient()) {
                throw e;
            }
            return Optional.empty();
        }
    }

    private RowEnroller.Outcome settle(Sent item, Wire.BatchResult result) {
        Optional<Wire.Issued> issued = result.issued();
        if (issued.isPresent()) {
            return rows.answered(item.row(), item.pending(), issued.get());
        }
        ApiProblemException problem = ApiProblemException.of(result.problem(), result.status());
        return problem.isTransient() ? rows.alone(item.row(), item.pending()) : rows.refused(item.row(), problem);
    }

    /** The step's outcome; a failure of this machine (not the server's refusal) as the row's unexpected error. */
    private RowEnroller.Outcome guarded(EnrollmentRow row, Supplier<RowEnroller.Outcome> step) {
        try {
            return step.get();
        } catch (CliException e) {
            throw e;
        } catch (RuntimeException e) {
            return RowEnroller.Outcome.unexpected(row, e, language);
        }
    }

    /** A row of the batch with the key and CSR it was sent with. */
    private record Sent(EnrollmentRow row, Journal.Pending pending) {
    }
}
