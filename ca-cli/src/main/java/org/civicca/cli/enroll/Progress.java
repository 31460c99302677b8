package org.civicca.cli.enroll;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Progress of long work on stderr: a bar redrawn in place (count, rate, ETA) on a terminal, a plain line every
 * few seconds otherwise, so logs of unattended runs stay readable.
 */
final class Progress implements AutoCloseable {

    private final int total;
    private final PrintWriter err;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "progress");
        thread.setDaemon(true);
        return thread;
    });

    Progress(int total, PrintWriter err, boolean terminal) {
        this.total = total;
        this.err = err;
        this.terminal = terminal;
        long period = terminal ? 200 : 5000;
        ticker.scheduleAtFixedRate(this::print, period, period, TimeUnit.MILLISECONDS);
    }

    void step() {
        done.incrementAndGet();
    }

    double rate() {
        double seconds = (System.nanoTime() - started) / 1e9;
        return seconds <= 0 ? 0 : done.get() / seconds;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private synchronized void print() {
        int count = done.get();
        double rate = rate();
        long eta = rate > 0 ? Math.round((total - count) / rate) : -1;
        String figures = String.format("%d/%d rows, %.1f rows/s, ETA %s", count, total, rate, eta < 0 ? "?" : eta + " s");
        if (terminal) {
            int width = 30;
            int filled = total == 0 ? width : (int) ((long) width * count / total);
            err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + figures + "   ");
        } else {
            err.println("progress: " + figures);
        }
        err.flush();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        if (terminal) {
            print();
            err.println();
            err.flush();
        }
    }
}
