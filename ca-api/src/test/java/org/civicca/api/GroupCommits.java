package org.civicca.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/** Makes a group commit's writer take a group of a known size, by holding the audit chain's head while requests queue. */
public final class GroupCommits {

    private GroupCommits() {
    }

    /**
     * Makes the first call, waits until its group holds the writer (whose meters are {@code meters.<writer>.waiting}
     * and {@code .committing}) blocked on the audit chain's head, locked by another connection, then makes the other
     * calls, and unlocks once {@code queued} of them wait: they commit as one group. The answers, in call order.
     */
    public static <T> List<T> queuedBehindTheAuditChain(DataSource dataSource, MeterRegistry meters, String writer, List<Callable<T>> calls,
                                                        int queued) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.executeQuery("SELECT sequence FROM audit_head WHERE id = 1 FOR UPDATE").close();
            }
            List<Future<T>> running = new ArrayList<>();
            running.add(pool.submit(calls.get(0)));
            Waits.until(() -> gauge(meters, writer, "committing") == 1, Duration.ofSeconds(20),
                    "the first call's group to wait for the lock");
            for (Callable<T> call : calls.subList(1, calls.size())) {
                running.add(pool.submit(call));
            }
            Waits.until(() -> gauge(meters, writer, "waiting") == queued, Duration.ofSeconds(20),
                    queued + " calls to queue behind the first");
            lock.commit();
            List<T> answers = new ArrayList<>();
            for (Future<T> call : running) {
                answers.add(call.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double gauge(MeterRegistry meters, String writer, String name) {
        return meters.get(writer + "." + name).gauge().value();
    }
}
