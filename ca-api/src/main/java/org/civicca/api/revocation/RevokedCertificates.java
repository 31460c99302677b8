package org.civicca.api.revocation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.civicca.core.store.CertificateRecord;
import org.springframework.stereotype.Component;

/**
 * Counts committed revocations (certificateHold included) in {@code civicca.certificates.revoked}, tagged by
 * issuing CA and RFC 5280 reason name.
 */
@Component
class RevokedCertificates {

    private final Meter.MeterProvider<Counter> counters;

    RevokedCertificates(MeterRegistry meters) {
        this.counters = Counter.builder("civicca.certificates.revoked").description("Certificates revoked or put on hold")
                .withRegistry(meters);
    }

    /** A revoked certificate as {@link Revocations#revoke} returned it, after its transaction committed. */
    void committed(CertificateRecord revoked) {
        revoked.revocation().ifPresent(revocation ->
                counters.withTags("ca", revoked.issuer(), "reason", revocation.reason().rfcName()).increment());
    }
}
