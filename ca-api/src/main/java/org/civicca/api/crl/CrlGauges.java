package org.civicca.api.crl;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import org.civicca.core.ca.Authorities;
import org.civicca.core.ca.CertificateAuthority;
import org.springframework.stereotype.Component;

/**
 * The newest CRL of each CA as this node serves it, read from {@link CrlCache} when scraped, tagged by CA:
 * {@code civicca.crl.age} (seconds since its thisUpdate), {@code civicca.crl.next.update} (seconds until its
 * nextUpdate, negative once lapsed), {@code civicca.crl.size} (bytes) and {@code civicca.crl.number}. Not a number
 * while a CA has no CRL yet.
 */
@Component
class CrlGauges {

    private final CrlCache cache;

    CrlGauges(Authorities authorities, CrlCache cache, Clock clock, MeterRegistry meters) {
        this.cache = cache;
        for (CertificateAuthority ca : authorities.all()) {
            register(meters, ca.name(), "civicca.crl.age", "seconds", "Seconds since the newest CRL's thisUpdate",
                    crl -> seconds(Duration.between(crl.thisUpdate(), clock.instant())));
            register(meters, ca.name(), "civicca.crl.next.update", "seconds", "Seconds until the newest CRL's nextUpdate",
                    crl -> seconds(Duration.between(clock.instant(), crl.nextUpdate())));
            register(meters, ca.name(), "civicca.crl.size", "bytes", "Size of the newest CRL", crl -> crl.file().body().length);
            register(meters, ca.name(), "civicca.crl.number", null, "Number of the newest CRL", HeldCrl::number);
        }
    }

    private void register(MeterRegistry meters, String ca, String name, String unit, String description, ToDoubleFunction<HeldCrl> value) {
        Gauge.builder(name, () -> cache.get(ca).map(value::applyAsDouble).orElse(Double.NaN)).description(description).baseUnit(unit)
                .tag("ca", ca).register(meters);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
