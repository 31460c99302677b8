package org.civicca.cli.enroll;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicca.cli.CliMessage;
import org.civicca.core.message.Messages;

/**
 * Progress of long work on stderr: a bar redrawn in place (count, rate, ETA) on a terminal, a plain line every
 * few seconds otherwise, so logs of unattended runs stay readable.
 */
final class Progress implements AutoCloseable {

    private final int total;
    private final PrintWriter err;
    private final boolean terminal;
    private final Locale language;
    private final long started = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "progress");
        thread.setDaemon(true);
        return thread;
    });

    Progress(int total, PrintWriter err, boolean terminal, Locale language) {
        this.total = total;
        this.err = err;
        this.terminal = terminal;
        this.language = language;
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
        String figures = Messages.format(language, CliMessage.PROGRESS, count, total, String.format(Locale.ROOT, "%.1f", rate),
                eta < 0 ? "?" : Messages.format(language, CliMessage.SECONDS, eta));
        if (terminal) {
            int width = 30;
            int filled = total == 0 ? width : (int) ((long) width * count / total);
            err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + figures + "   ");
        } else {
            err.println(Messages.format(language, CliMessage.PROGRESS_LINE, figures));
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
