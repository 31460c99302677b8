package org.civicca.api.crl;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.civicca.api.config.CaProperties;
import org.civicca.core.ca.Authorities;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.crl.PublishedCrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps every CA's CRL fresh, on every node. After a revocation commits, the issuer's next CRL is made after a short
 * delay, so a burst of revocations makes one CRL; every revocation committed before that CRL starts is in it, and a
 * CRL that any node made meanwhile and that already lists them makes that one unnecessary. On a
 * fixed check interval, and at start, a CRL is remade that has used up its refresh fraction of validity, is missing,
 * or may miss a revocation (one audited after it read the revoked certificates, whose own CRL never came because its
 * node was killed or stopped within the publish delay). The check compares with the clock each time, so a restart,
 * a long pause or a clock jump is caught up at the next check, and it is repeated under the CA's CRL lock, so of
 * several nodes one makes it. On the shorter sync interval each node picks up a newer CRL another node made, which
 * bounds how long any node serves an older one.
 */
@Component
@Order(3)
public class CrlScheduler implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CrlScheduler.class);

    private final Authorities authorities;
    private final CrlService crls;
    private final CrlCache cache;
    private final TaskScheduler scheduler;
    private final CaProperties.Crl settings;
    private final Clock clock;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    CrlScheduler(Authorities authorities, CrlService crls, CrlCache cache, TaskScheduler scheduler,
                 CaProperties properties, Clock clock) {
        this.authorities = authorities;
        this.crls = crls;
        this.cache = cache;
        this.scheduler = scheduler;
        this.settings = properties.crl();
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        refreshDue();
    }

    /** Called inside a transaction that revoked or released: the CRL is requested only once that transaction commits. */
    public void publishSoonAfterCommit(String caName) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            publishSoon(caName);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                publishSoon(caName);
            }
        });
    }

    private void publishSoon(String caName) {
        if (pending.add(caName)) {
            scheduler.schedule(() -> {
                pending.remove(caName);
                // Under the CA's CRL lock: made only if no CRL lists this node's revocations yet (another node's
                // CRL made since may already list them), so a burst spread over several nodes makes one CRL.
                publishQuietly(caName, () -> crls.publishBySystemIfDue(caName, Optional::isEmpty));
            }, clock.instant().plus(settings.publishDelay()));
        }
    }

    @Scheduled(fixedDelayString = "${ca.crl.check-interval}", initialDelayString = "${ca.crl.check-interval}")
    public void refreshDue() {
        for (CertificateAuthority ca : authorities.all()) {
            pickUpQuietly(ca.name());
            if (cache.get(ca.name()).map(held -> isDue(held.window())).orElse(true) || crls.mayMissRevocations(ca.name())) {
                publishQuietly(ca.name(), () -> crls.publishBySystemIfDue(ca.name(), newest -> newest.map(this::isDue).orElse(true)));
            }
        }
    }

    @Scheduled(fixedDelayString = "${ca.crl.sync-interval}", initialDelayString = "${ca.crl.sync-interval}")
    public void pickUpNewer() {
        authorities.all().forEach(ca -> pickUpQuietly(ca.name()));
    }

    private boolean isDue(CrlWindow window) {
        return window.refreshDue(settings.refreshAt(), clock.instant());
    }

    private void pickUpQuietly(String caName) {
        try {
            crls.pickUpNewer(caName);
        } catch (RuntimeException e) {
            log.error("Could not read the newest CRL of {} from the database; the next sync retries", caName, e);
        }
    }

    private void publishQuietly(String caName, Supplier<Optional<PublishedCrl>> publication) {
        try {
            publication.get().ifPresent(crl -> log.info("Published CRL {} number {} (next update {})", caName, crl.number(),
                    crl.nextUpdate()));
        } catch (RuntimeException e) {
            log.error("Could not publish the CRL of {}; the next check retries", caName, e);
        }
    }
}
