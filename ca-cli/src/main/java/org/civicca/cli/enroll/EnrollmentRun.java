package org.civicca.cli.enroll;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.civicca.cli.CliException;

/**
 * Runs the rows that are not done yet on a pool of workers. If the server becomes unreachable, no new row is
 * started; rows already sent are finished or left in the journal for the next run.
 */
final class EnrollmentRun {

    private final OutputFolder folder;
    private final Journal journal;
    private final RowEnroller enroller;
    private final int threads;

    EnrollmentRun(OutputFolder folder, Journal journal, RowEnroller enroller, int threads) {
        this.folder = folder;
        this.journal = journal;
        this.enroller = enroller;
        this.threads = threads;
    }

    Result execute(List<EnrollmentRow> rows, PrintWriter err, boolean terminal) {
        List<EnrollmentRow> pending = rows.stream().filter(r -> !folder.isDone(r.requestId())).toList();
        // A run killed between writing the manifest line and dropping the journal entry leaves a key behind.
        rows.stream().filter(r -> folder.isDone(r.requestId())).forEach(r -> journal.drop(r.requestId()));
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger recovered = new AtomicInteger();
        List<Refusal> failed = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<CliException> serverGone = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        double rate;
        try (Progress progress = new Progress(pending.size(), err, terminal)) {
            List<Future<?>> work = new ArrayList<>();
            for (EnrollmentRow row : pending) {
                work.add(pool.submit(() -> {
                    if (serverGone.get() != null) {
                        return;
                    }
                    try {
                        RowEnroller.Outcome outcome = enroller.enroll(row);
                        if (outcome == RowEnroller.Outcome.ISSUED) {
                            issued.incrementAndGet();
                        } else if (outcome == RowEnroller.Outcome.RECOVERED) {
                            recovered.incrementAndGet();
                        } else {
                            failed.add(outcome.refusal());
                        }
                    } catch (CliException e) {
                        serverGone.compareAndSet(null, e);
                    } catch (RuntimeException e) {
                        failed.add(new Refusal(row.line(), row.requestId(), "-", "unexpected error: " + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : ": " + e.getMessage())));
                    } finally {
                        progress.step();
                    }
                }));
            }
            for (Future<?> future : work) {
                await(future);
            }
            rate = progress.rate();
        } finally {
            pool.shutdownNow();
        }
        return new Result(issued.get(), recovered.get(), rows.size() - pending.size(), List.copyOf(failed), rate, serverGone.get());
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

    record Result(int issued, int recovered, int alreadyDone, List<Refusal> failed, double rate, CliException serverGone) {
    }
}
