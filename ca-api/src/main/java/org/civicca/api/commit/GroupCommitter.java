package org.civicca.api.commit;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit. Request threads check and prepare their changes, then hand them over; one writer thread takes
 * everything waiting and applies it as one group in one transaction (one lock of the audit chain's head, one commit),
 * then answers each change's future. A change is answered only after its group has committed, so nothing acknowledged
 * is lost. It never waits on a timer: a lone change commits at once, and those handed over during a commit make the
 * next group. When a group fails as a whole (a requestId taken by a twin meanwhile, a broken connection), its changes
 * are applied again one by one, each in its own transaction, so that each gets its own outcome. Meters, for a
 * committer named {@code n}: {@code civicca.n.commit.group} (changes per commit), {@code .waiting} and {@code .committing}.
 */
public final class GroupCommitter<T, R> implements AutoCloseable {

    /** What a group commit does with its changes, inside the transaction it opens. */
    public interface Changes<T, R> {

        /**
         * Applies the changes in order, in the current transaction: one outcome per change. A refused change must have
         * written nothing; anything thrown rolls the whole group back.
         */
        List<Outcome<R>> applyAll(List<T> changes);

        /** One change in a transaction of its own, once its group has failed; the group's way unless said otherwise. */
        default Outcome<R> applyAlone(T change) {
            return applyAll(List.of(change)).get(0);
        }
    }

    /** What one change came to: its result, or the refusal that left it unapplied. */
    public record Outcome<R>(R result, RuntimeException refused) {

        public static <R> Outcome<R> applied(R result) {
            return new Outcome<>(result, null);
        }

        public static <R> Outcome<R> refusedBy(RuntimeException refusal) {
            return new Outcome<>(null, refusal);
        }

        void answer(CompletableFuture<R> done) {
            if (refused != null) {
                done.completeExceptionally(refused);
            } else {
                done.complete(result);
            }
        }
    }

    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);
    private static final int MAX_GROUP = 512;

    private final String unit;
    private final TransactionTemplate transactions;
    private final Changes<T, R> changes;
    private final DistributionSummary groupSizes;
    private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger committing = new AtomicInteger();
    private final Thread writer;
    private volatile boolean closed;

    /**
     * @param name names the writer thread ({@code <name>-commit}) and the meters
     * @param unit what a change is, in the plural ({@code certificates}): the meters' unit
     */
    public GroupCommitter(String name, String unit, TransactionTemplate transactions, MeterRegistry meters, Changes<T, R> changes) {
        this.unit = unit;
        this.transactions = transactions;
        this.changes = changes;
        String prefix = "civicca." + name + ".commit";
        String what = Character.toUpperCase(unit.charAt(0)) + unit.substring(1);
        this.groupSizes = DistributionSummary.builder(prefix + ".group").description(what + " stored by one commit").baseUnit(unit)
                .register(meters);
        Gauge.builder(prefix + ".waiting", queue, BlockingQueue::size).description(what + " waiting for their group's commit")
                .register(meters);
        Gauge.builder(prefix + ".committing", committing, AtomicInteger::get).description(what + " of the group being committed now")
                .register(meters);
        this.writer = new Thread(this::run, name + "-commit");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Hands a change to the writer. The future completes on the writer's thread once the change is committed (or
     * refused), so whatever depends on it must be quick: the next group waits. Refused once the service is stopping.
     */
    public CompletableFuture<R> submit(T change) {
        Pending<T, R> pending = new Pending<>(change, new CompletableFuture<>());
        queue.add(pending);
        // No lock on this path: had the writer already left, the change is still in the queue to take back.
        if (closed && queue.remove(pending)) {
            throw new IllegalStateException("the service is shutting down");
        }
        return pending.done();
    }

    private void run() {
        List<Pending<T, R>> group = new ArrayList<>(MAX_GROUP);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending<T, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                committing.set(group.size());
                commitGroup(group);
            } catch (InterruptedException e) {
                log.warn("{} interrupted; it goes on until the service stops", writer.getName());
            } finally {
                committing.set(0);
                group.clear();
            }
        }
    }

    private void commitGroup(List<Pending<T, R>> group) {
        List<Outcome<R>> outcomes;
        try {
            outcomes = transactions.execute(status -> changes.applyAll(group.stream().map(Pending::change).toList()));
        } catch (RuntimeException | Error e) {
            // Whatever failed, every waiting request must get an answer, and the writer must live on for the next ones.
            log.debug("A group of {} {} failed to commit; applying them one by one", group.size(), unit, e);
            group.forEach(this::commitAlone);
            return;
        }
        groupSizes.record(group.size());
        for (int i = 0; i < group.size(); i++) {
            outcomes.get(i).answer(group.get(i).done());
        }
    }

    private void commitAlone(Pending<T, R> pending) {
        try {
            Outcome<R> outcome = transactions.execute(status -> changes.applyAlone(pending.change()));
            groupSizes.record(1);
            outcome.answer(pending.done());
        } catch (RuntimeException | Error e) {
            pending.done().completeExceptionally(e);
        }
    }

    /** Commits what is waiting, then stops the writer. Called once the web server has stopped taking requests. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        writer.join();
    }

    private record Pending<T, R>(T change, CompletableFuture<R> done) {
    }
}
