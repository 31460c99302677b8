package org.civicca.core.crl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.bouncycastle.cert.X509CRLHolder;
import org.civicca.core.ca.Authorities;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.store.CertificateStore;
import org.civicca.core.store.CrlStore;
import org.civicca.core.store.RevokedEntry;

/**
 * Makes a CA's next CRL: number = last + 1 under the store's lock, every revoked or held certificate of the CA,
 * thisUpdate now and nextUpdate after the CA's CRL validity. The caller runs it in one transaction.
 */
public final class CrlPublisher {

    private final Authorities authorities;
    private final CertificateStore certificates;
    private final CrlStore crls;
    private final CrlBuilder builder;
    private final Clock clock;

    public CrlPublisher(Authorities authorities, CertificateStore certificates, CrlStore crls, CrlBuilder builder, Clock clock) {
        this.authorities = authorities;
        this.certificates = certificates;
        this.crls = crls;
        this.builder = builder;
        this.clock = clock;
    }

    public PublishedCrl publish(String caName) {
        CertificateAuthority ca = authorities.get(caName);
        long number = crls.nextCrlNumber(ca.name());
        Instant thisUpdate = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant nextUpdate = thisUpdate.plus(ca.definition().crlValidity());
        OptionalLong previous = crls.latest(ca.name()).map(last -> OptionalLong.of(last.number())).orElse(OptionalLong.empty());
        X509CRLHolder crl;
        try (Stream<RevokedEntry> revoked = certificates.revokedEntries(ca.name())) {
            crl = builder.build(ca, revoked::iterator, number, thisUpdate, nextUpdate, previous);
        }
        try {
            PublishedCrl published = new PublishedCrl(ca.name(), number, thisUpdate, nextUpdate, crl.getEncoded());
            crls.save(published);
            return published;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
