package org.civicca.api.certificate;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.civicca.core.ca.Authorities;
import org.civicca.core.pem.Pem;
import org.civicca.core.store.CertificateRecord;
import org.springframework.stereotype.Component;

/** Turns stored certificates into API views, with the PEM chain up to the root. */
@Component
public class CertificateViews {

    private final Authorities authorities;
    private final Clock clock;
    private final Map<String, String> issuerChains = new ConcurrentHashMap<>();

    CertificateViews(Authorities authorities, Clock clock) {
        this.authorities = authorities;
        this.clock = clock;
    }

    public CertificateView full(CertificateRecord record) {
        return view(record, true);
    }

    CertificateView summary(CertificateRecord record) {
        return view(record, false);
    }

    /** The PEM chain, leaf first, root last. */
    public String pemChain(CertificateRecord record) {
        return Pem.certificate(record.der()) + issuerChain(record.issuer());
    }

    /** The issuer's own chain in PEM, up to the root: the same for every certificate it issued, so encoded once. */
    private String issuerChain(String issuer) {
        return issuerChains.computeIfAbsent(issuer, name -> Pem.chain(authorities.get(name).chain()));
    }

    private CertificateView view(CertificateRecord record, boolean withChain) {
        CertificateView.RevocationView revocation = record.revocation()
                .map(r -> new CertificateView.RevocationView(r.reason().rfcName(), r.revokedAt(), r.invalidityDate().orElse(null)))
                .orElse(null);
        String pem = Pem.certificate(record.der());
        return new CertificateView(record.serial().hex(), record.statusAt(clock.instant()), record.issuer(), record.profile(),
                record.agency(), record.requestId().orElse(null), record.subjectDn(), record.commonName(), record.email().orElse(null),
                record.notBefore(), record.notAfter(), pem, withChain ? pem + issuerChain(record.issuer()) : null, revocation);
    }
}
