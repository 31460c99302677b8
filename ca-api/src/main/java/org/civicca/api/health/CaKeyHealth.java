package org.civicca.api.health;

import java.time.Clock;
import java.time.Duration;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.sign.SignerProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * One CA's key and certificate: DOWN when the key cannot sign a probe or the certificate has expired (nothing it
 * signs would be valid), WARNING when the certificate ends within the configured window
 * ({@code ca.health.ca-expiry-warning}), else UP. The details name the CA's notAfter and days left, never the key.
 */
final class CaKeyHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(CaKeyHealth.class);

    private final CertificateAuthority ca;
    private final Clock clock;
    private final Duration expiryWarning;

    CaKeyHealth(CertificateAuthority ca, Clock clock, Duration expiryWarning) {
        this.ca = ca;
        this.clock = clock;
        this.expiryWarning = expiryWarning;
    }

    @Override
    public Health health() {
        Duration left = Duration.between(clock.instant(), ca.notAfter());
        Health.Builder health = Health.status(status(left)).withDetail("notAfter", ca.notAfter()).withDetail("daysLeft", left.toDays());
        try {
            SignerProbe.check(ca.signer());
            return health.withDetail("key", "usable").build();
        } catch (IllegalStateException e) {
            log.error("The key of CA {} cannot sign", ca.name(), e);
            return health.status(Status.DOWN).withDetail("key", "unusable").build();
        }
    }

    private Status status(Duration left) {
        if (left.isNegative() || left.isZero()) {
            return Status.DOWN;
        }
        return left.compareTo(expiryWarning) < 0 ? Warning.STATUS : Status.UP;
    }
}
