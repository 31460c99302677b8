package org.civicca.api.certificate;

import java.util.concurrent.CompletableFuture;
import org.civicca.api.account.Actor;
import org.civicca.api.account.Permit;
import org.civicca.api.account.Role;
import org.civicca.core.store.CertificateRecord;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/certificates")
class CertificateController {

    static final String PKIX_CERT = "application/pkix-cert";
    static final String PEM_CHAIN = "application/pem-certificate-chain";

    private final IssuanceAnswers answers;
    private final CertificateService certificates;
    private final CertificateQueries queries;
    private final CertificateViews views;

    CertificateController(IssuanceAnswers answers, CertificateService certificates, CertificateQueries queries, CertificateViews views) {
        this.answers = answers;
        this.certificates = certificates;
        this.queries = queries;
        this.views = views;
    }

    /** Answered once the certificate is committed ({@link IssuanceAnswers}); the request's thread is free meanwhile. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Permit({Role.ADMIN, Role.OFFICER, Role.CLERK})
    CompletableFuture<ResponseEntity<Object>> issue(@RequestBody CertificateRequestBody body, Actor actor) {
        return answers.answer(body, actor);
    }

    @GetMapping(value = "/{serial}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Permit({Role.ADMIN, Role.OFFICER, Role.CLERK, Role.AUDITOR})
    CertificateView get(@PathVariable String serial, Actor actor) {
        return views.full(certificates.find(serial, actor));
    }

    @GetMapping(value = "/{serial}", produces = PKIX_CERT)
    @Permit({Role.ADMIN, Role.OFFICER, Role.CLERK, Role.AUDITOR})
    ResponseEntity<byte[]> der(@PathVariable String serial, Actor actor) {
        CertificateRecord record = certificates.find(serial, actor);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(PKIX_CERT)).body(record.der());
    }

    @GetMapping(value = "/{serial}", produces = PEM_CHAIN)
    @Permit({Role.ADMIN, Role.OFFICER, Role.CLERK, Role.AUDITOR})
    ResponseEntity<String> pemChain(@PathVariable String serial, Actor actor) {
        CertificateRecord record = certificates.find(serial, actor);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(PEM_CHAIN)).body(views.pemChain(record));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Permit({Role.ADMIN, Role.OFFICER, Role.CLERK, Role.AUDITOR})
    CertificatePage list(@RequestParam(required = false) String agency, @RequestParam(required = false) String profile,
                         @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                         @RequestParam(required = false) String expiringBefore, @RequestParam(required = false) String requestId,
                         @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Actor actor) {
        return queries.list(CertificateFilter.of(agency, profile, status, q, expiringBefore, requestId, page, size).scopedTo(actor));
    }
}
