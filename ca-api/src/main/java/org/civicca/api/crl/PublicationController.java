package org.civicca.api.crl;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.civicca.api.account.PublicEndpoint;
import org.civicca.api.web.ApiMessage;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.ca.Authorities;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What relying parties fetch without credentials: each CA's newest CRL and its certificate, in DER, from memory,
 * with ETag, Last-Modified and a max-age that never reaches past the CRL's nextUpdate. GET and HEAD. The files
 * themselves are nearly always sent by {@link PublicationFilter} before a request gets here; these handlers answer
 * what the filter passed on: an unknown CA (404), a CA without a CRL yet (404), and a CRL made in between.
 */
@RestController
@PublicEndpoint
class PublicationController {

    private final PublicFiles files;
    private final Authorities authorities;

    PublicationController(PublicFiles files, Authorities authorities) {
        this.files = files;
        this.authorities = authorities;
    }

    @GetMapping(value = "/crl/{ca}.crl", produces = PublicFile.PKIX_CRL)
    void crl(@PathVariable String ca, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = authorities.get(ca).name();
        PublicFile crl = files.find("/crl/" + name + ".crl")
                .orElseThrow(() -> new CaException(ErrorCode.UNKNOWN_CA, "ca", ApiMessage.NO_CRL_YET, name));
        files.send(crl, PublicFiles.notModified(crl, request), request, response);
    }

    @GetMapping(value = "/ca/{ca}.crt", produces = PublicFile.PKIX_CERT)
    void certificate(@PathVariable String ca, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = authorities.get(ca).name();
        PublicFile certificate = files.find("/ca/" + name + ".crt").orElseThrow();
        files.send(certificate, PublicFiles.notModified(certificate, request), request, response);
    }
}
