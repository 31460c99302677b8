package org.civicca.cli.enroll;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.civicca.cli.CliException;

/**
 * Runs the rows that are not done yet on a pool of workers, a batch of rows each ({@link BatchEnroller}). If the
 * server becomes unreachable, no new batch is started; rows already sent are finished or left in the journal for
 * the next run.
 */
final class EnrollmentRun {

    private final OutputFolder folder;
    private final Journal journal;
    private final BatchEnroller enroller;
    private final int threads;
    private final int batchSize;
    private final Locale language;

    EnrollmentRun(OutputFolder folder, Journal journal, BatchEnroller enroller, int threads, int batchSize, Locale language) {
        this.folder = folder;
        this.journal = journal;
        this.enroller = enroller;
        this.threads = threads;
        this.batchSize = batchSize;
        this.language = language;
    }

    Result execute(List<EnrollmentRow> rows, PrintWriter err, boolean terminal) {
        List<EnrollmentRow> pending = rows.stream().filter(r -> !folder.isDone(r.requestId())).toList();
        // A run killed between writing the manifest line and dropping the journal entry leaves a key behind.
        rows.stream().filter(r -> folder.isDone(r.requestId())).forEach(r -> journal.drop(r.requestId()));
        Tally tally = new Tally();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (Progress progress = new Progress(pending.size(), err, terminal, language)) {
            List<Future<?>> work = new ArrayList<>();
            for (int from = 0; from < pending.size(); from += batchSize) {
                List<EnrollmentRow> batch = pending.subList(from, Math.min(from + batchSize, pending.size()));
                work.add(pool.submit(() -> enroll(batch, tally, progress)));
            }
            work.forEach(EnrollmentRun::await);
            return tally.result(rows.size() - pending.size(), progress.rate());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every row of the batch counts once in the progress, whether it was reported, failed here, or left for the next run. */
    private void enroll(List<EnrollmentRow> batch, Tally tally, Progress progress) {
        Set<EnrollmentRow> reported = new HashSet<>();
        BiConsumer<EnrollmentRow, RowEnroller.Outcome> report = (row, outcome) -> {
            tally.count(outcome);
            reported.add(row);
            progress.step();
        };
        try {
            if (tally.serverGone.get() == null) {
                enroller.enroll(batch, report);
            }
        } catch (CliException e) {
            tally.serverGone.compareAndSet(null, e);
        } catch (RuntimeException e) {
            batch.stream().filter(row -> !reported.contains(row)).toList()
                    .forEach(row -> report.accept(row, RowEnroller.Outcome.unexpected(row, e, language)));
        } finally {
            batch.stream().filter(row -> !reported.contains(row)).forEach(row -> progress.step());
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** What the workers report, safe to share among them. */
    private static final class Tally {
        private final AtomicInteger issued = new AtomicInteger();
        private final AtomicInteger recovered = new AtomicInteger();
        private final List<Refusal> failed = Collections.synchronizedList(new ArrayList<>());
        private final AtomicReference<CliException> serverGone = new AtomicReference<>();

        void count(RowEnroller.Outcome outcome) {
            if (outcome == RowEnroller.Outcome.ISSUED) {
                issued.incrementAndGet();
            } else if (outcome == RowEnroller.Outcome.RECOVERED) {
                recovered.incrementAndGet();
            } else {
                failed.add(outcome.refusal());
            }
        }

        Result result(int alreadyDone, double rate) {
            return new Result(issued.get(), recovered.get(), alreadyDone, List.copyOf(failed), rate, serverGone.get());
        }
    }

    record Result(int issued, int recovered, int alreadyDone, List<Refusal> failed, double rate, CliException serverGone) {
    }
}
