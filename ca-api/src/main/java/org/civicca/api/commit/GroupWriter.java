package org.civicca.api.commit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread of a group commit. Request threads hand their prepared changes over; one writer thread takes everything
 * waiting and passes it, as one group, to the commit, which stores the whole group in one transaction and answers each
 * change. It never waits on a timer: a lone change commits at once, and those handed over during a commit make the
 * next group, so a busy service pays for one commit per group. Its gauges ({@code <meters>.waiting},
 * {@code <meters>.committing}) show the queue and the group in hand.
 */
public final class GroupWriter<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupWriter.class);
    private static final int MAX_GROUP = 512;

    private final Consumer<List<T>> commit;
    private final BlockingQueue<T> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger committing = new AtomicInteger();
    private final Thread writer;
    private volatile boolean closed;

    /**
     * @param commit stores one group and answers each of its changes; whatever it throws is logged and the writer
     *               goes on, so it must answer every change itself, failures included
     */
    public GroupWriter(String threadName, String meters, String what, MeterRegistry registry, Consumer<List<T>> commit) {
        this.commit = commit;
        Gauge.builder(meters + ".waiting", queue, BlockingQueue::size).description(what + " waiting for their group's commit")
                .register(registry);
        Gauge.builder(meters + ".committing", committing, AtomicInteger::get).description(what + " of the group being committed now")
                .register(registry);
        this.writer = new Thread(this::run, threadName);
        writer.setDaemon(true);
        writer.start();
    }

    /** Hands a change to the writer; refused once the service is shutting down. */
    public void submit(T change) {
        queue.add(change);
        // No lock on this path: had the writer already left, the change is still in the queue to take back.
        if (closed && queue.remove(change)) {
            throw new IllegalStateException("the service is shutting down");
        }
    }

    private void run() {
        List<T> group = new ArrayList<>(MAX_GROUP);
        while (!closed || !queue.isEmpty()) {
            try {
                T first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                committing.set(group.size());
                commit.accept(List.copyOf(group));
            } catch (InterruptedException e) {
                log.warn("{} interrupted; it goes on until the service stops", writer.getName());
            } catch (RuntimeException | Error e) {
                log.error("{} failed to answer a group of {}", writer.getName(), group.size(), e);
            } finally {
                committing.set(0);
                group.clear();
            }
        }
    }

    /** Commits what is waiting, then stops the writer. Called once the web server has stopped taking requests. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        writer.join();
    }
}
