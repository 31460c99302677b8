package org.civicca.api.crl;

import java.time.Clock;
import java.time.Duration;
import org.civicca.api.account.PublicEndpoint;
import org.civicca.api.config.CaProperties;
import org.civicca.api.web.ApiMessage;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.ca.Authorities;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.crl.PublishedCrl;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * What relying parties fetch without credentials: each CA's newest CRL and its certificate, in DER, from memory,
 * with ETag, Last-Modified and a max-age that never reaches past the CRL's nextUpdate. GET and HEAD.
 */
@RestController
@PublicEndpoint
class PublicationController {

    static final MediaType PKIX_CRL = MediaType.parseMediaType("application/pkix-crl");
    static final MediaType PKIX_CERT = MediaType.parseMediaType("application/pkix-cert");

    private final CrlCache crls;
    private final CaCertificateFiles certificates;
    private final Authorities authorities;
    private final Duration maxAge;
    private final Clock clock;

    PublicationController(CrlCache crls, CaCertificateFiles certificates, Authorities authorities, CaProperties properties, Clock clock) {
        this.crls = crls;
        this.certificates = certificates;
        this.authorities = authorities;
        this.maxAge = properties.crl().maxAge();
        this.clock = clock;
    }

    @GetMapping("/crl/{ca}.crl")
    ResponseEntity<byte[]> crl(@PathVariable String ca, WebRequest request) {
        CertificateAuthority authority = authorities.get(ca);
        PublishedCrl crl = crls.get(authority.name())
                .orElseThrow(() -> new CaException(ErrorCode.UNKNOWN_CA, "ca", ApiMessage.NO_CRL_YET, authority.name()));
        String etag = "\"" + crl.caName() + "-" + crl.number() + "\"";
        long lastModified = crl.thisUpdate().toEpochMilli();
        if (request.checkNotModified(etag, lastModified)) {
            return null;
        }
        Duration untilNext = Duration.between(clock.instant(), crl.nextUpdate());
        Duration age = untilNext.isNegative() ? Duration.ZERO : untilNext.compareTo(maxAge) < 0 ? untilNext : maxAge;
        return ResponseEntity.ok()
                .contentType(PKIX_CRL)
                .cacheControl(CacheControl.maxAge(age).cachePublic())
                .eTag(etag)
                .lastModified(lastModified)
                .body(crl.der());
    }

    @GetMapping("/ca/{ca}.crt")
    ResponseEntity<byte[]> certificate(@PathVariable String ca, WebRequest request) {
        CaCertificateFiles.File file = certificates.get(authorities.get(ca).name());
        long lastModified = file.issued().toEpochMilli();
        if (request.checkNotModified(file.etag(), lastModified)) {
            return null;
        }
        return ResponseEntity.ok()
                .contentType(PKIX_CERT)
                .cacheControl(CacheControl.maxAge(maxAge).cachePublic())
                .eTag(file.etag())
                .lastModified(lastModified)
                .body(file.der());
    }
}
