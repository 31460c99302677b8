package org.civicca.api.certificate;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.civicca.core.ca.Authorities;
import org.civicca.core.pem.Pem;
import org.civicca.core.store.CertificateRecord;
import org.springframework.stereotype.Component;

/** Turns stored certificates into API views, with the PEM chain up to the root. */
@Component
public class CertificateViews {

    private final Authorities authorities;
    private final Clock clock;

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
        return Pem.chain(chain(record));
    }

    private List<X509CertificateHolder> chain(CertificateRecord record) {
        List<X509CertificateHolder> chain = new ArrayList<>();
        chain.add(holder(record));
        chain.addAll(authorities.get(record.issuer()).chain());
        return chain;
    }

    private CertificateView view(CertificateRecord record, boolean withChain) {
        X509CertificateHolder certificate = holder(record);
        CertificateView.RevocationView revocation = record.revocation()
                .map(r -> new CertificateView.RevocationView(r.reason().rfcName(), r.revokedAt(), r.invalidityDate().orElse(null)))
                .orElse(null);
        return new CertificateView(record.serial().hex(), record.statusAt(clock.instant()), record.issuer(), record.profile(),
                record.agency(), record.requestId().orElse(null), record.subjectDn(), record.commonName(), record.email().orElse(null),
                record.notBefore(), record.notAfter(), Pem.certificate(certificate), withChain ? Pem.chain(chain(record)) : null,
                revocation);
    }

    private static X509CertificateHolder holder(CertificateRecord record) {
        try {
            return new X509CertificateHolder(record.der());
        } catch (IOException e) {
            throw new IllegalStateException("stored certificate " + record.serial() + " cannot be decoded", e);
        }
    }
}
