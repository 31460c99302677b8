package org.civicca.api.crl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * Keeps every CA's CRL fresh. After a revocation commits, the issuer's next CRL is made after a short delay, so a
 * burst of revocations makes one CRL; every revocation committed before that CRL starts is in it. On a fixed
 * check interval, and at start, a CRL that has used up its refresh fraction of validity, is missing, or may miss a
 * revocation (one audited after it read the revoked certificates, whose own CRL never came because its node was
 * killed or stopped within the publish delay) is remade, and a newer CRL made by another node is picked up.
 */
@Component
@Order(3)
public class CrlScheduler implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CrlScheduler.class);

    private final Authorities authorities;
    private final CrlService crls;
    private final CrlCache cache;
    private final JdbcCrlStore store;
    private final TaskScheduler scheduler;
    private final CaProperties.Crl settings;
    private final Clock clock;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    CrlScheduler(Authorities authorities, CrlService crls, CrlCache cache, JdbcCrlStore store, TaskScheduler scheduler,
                 CaProperties properties, Clock clock) {
        this.authorities = authorities;
        this.crls = crls;
        this.cache = cache;
        this.store = store;
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
                publishQuietly(caName);
            }, clock.instant().plus(settings.publishDelay()));
        }
    }

    @Scheduled(fixedDelayString = "${ca.crl.check-interval}", initialDelayString = "${ca.crl.check-interval}")
    public void refreshDue() {
        for (CertificateAuthority ca : authorities.all()) {
            Optional<HeldCrl> held = cache.get(ca.name());
            if (held.isEmpty() || store.latestNumber(ca.name()) > held.get().number()) {
                crls.loadLatest(ca.name());
                held = cache.get(ca.name());
            }
            if (held.isEmpty() || isDue(held.get(), clock.instant()) || store.mayMissRevocations(ca.name())) {
                publishQuietly(ca.name());
            }
        }
    }

    boolean isDue(HeldCrl crl, Instant now) {
        Duration validity = Duration.between(crl.thisUpdate(), crl.nextUpdate());
        Instant refreshAt = crl.thisUpdate().plusMillis((long) (validity.toMillis() * settings.refreshAt()));
        return !now.isBefore(refreshAt);
    }

    private void publishQuietly(String caName) {
        try {
            PublishedCrl crl = crls.publishBySystem(caName);
            log.info("Published CRL {} number {} (next update {})", caName, crl.number(), crl.nextUpdate());
        } catch (RuntimeException e) {
            log.error("Could not publish the CRL of {}; the next check retries", caName, e);
        }
    }
}
