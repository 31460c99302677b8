package org.civicca.api.ca;

import java.util.List;
import java.util.Optional;
import org.civicca.api.crl.CrlCache;
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

    CaCatalog(Authorities authorities, CrlCache crls, CaUrls urls) {
        this.authorities = authorities;
        this.crls = crls;
        this.urls = urls;
    }

    List<CaView> all() {
        return authorities.all().stream().map(this::view).toList();
    }

    String name(String ca) {
        return authorities.get(ca).name();
    }

    private CaView view(CertificateAuthority ca) {
        Optional<HeldCrl> crl = crls.get(ca.name());
        return new CaView(ca.name(), DistinguishedNames.rfc4514(ca.subject()), ca.definition().parent().orElse(null), ca.notAfter(),
                Pem.certificate(ca.certificate()), urls.crl(ca.name()), urls.certificate(ca.name()), ca.signer().keyAlgorithm().label(),
                crl.map(HeldCrl::number).orElse(0L), crl.map(HeldCrl::thisUpdate).orElse(null),
                crl.map(HeldCrl::nextUpdate).orElse(null));
    }
}
