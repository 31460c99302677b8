package org.civicca.api.ca;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.civicca.api.config.CaProperties;
import org.civicca.api.crl.CrlCache;
import org.civicca.api.crl.CrlFreshness;
import org.civicca.api.crl.HeldCrl;
import org.civicca.core.ca.Authorities;
import org.civicca.core.ca.CaUrls;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.pem.Pem;
import org.civicca.core.subject.DistinguishedNames;
import org.springframework.stereotype.Component;

/** The CAs this service runs, as API views. */
@Component
class CaCatalog {

    private final Authorities authorities;
    private final CrlCache crls;
    private final CaUrls urls;
    private final CrlFreshness freshness;
    private final Clock clock;

    CaCatalog(Authorities authorities, CrlCache crls, CaUrls urls, CaProperties properties, Clock clock) {
        this.authorities = authorities;
        this.crls = crls;
        this.urls = urls;
        this.freshness = CrlFreshness.of(properties.crl());
        this.clock = clock;
    }

    List<CaView> all() {
        return authorities.all().stream().map(this::view).toList();
    }

    String name(String ca) {
        return authorities.get(ca).name();
    }

    private CaView view(CertificateAuthority ca) {
        Optional<HeldCrl> crl = crls.get(ca.name());
        CrlFreshness.State state = freshness.of(crl, clock.instant());
        return new CaView(ca.name(), DistinguishedNames.rfc4514(ca.subject()), ca.definition().parent().orElse(null), ca.notAfter(),
                Pem.certificate(ca.certificate()), urls.crl(ca.name()), urls.certificate(ca.name()), ca.signer().keyAlgorithm().label(),
                crl.map(HeldCrl::number).orElse(0L), crl.map(HeldCrl::thisUpdate).orElse(null),
                crl.map(HeldCrl::nextUpdate).orElse(null), state.label(), state != CrlFreshness.State.FRESH);
    }
}
