package org.civicca.api.certificate;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.civicca.api.account.Actor;
import org.civicca.api.account.Permit;
import org.civicca.api.account.Role;
import org.civicca.api.request.ApprovalPolicy;
import org.civicca.api.request.RequestService;
import org.civicca.core.issue.IssuanceService;
import org.civicca.core.store.CertificateRecord;
import org.springframework.http.HttpStatus;
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

    private final CertificateService certificates;
    private final CertificateQueries queries;
    private final CertificateViews views;
    private final ApprovalPolicy approvals;
    private final RequestService requests;

    CertificateController(CertificateService certificates, CertificateQueries queries, CertificateViews views, ApprovalPolicy approvals,
                          RequestService requests) {
        this.certificates = certificates;
        this.queries = queries;
        this.views = views;
        this.approvals = approvals;
        this.requests = requests;
    }

    /**
     * 201 with the new certificate; 200 with the earlier one when the same requestId asks for the same thing again; 202
     * with a PENDING request when a clerk asks for a profile that needs an officer's approval. Answered once the
     * certificate is committed; the request's thread is free meanwhile.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Permit({Role.ADMIN, Role.OFFICER, Role.CLERK})
    CompletableFuture<ResponseEntity<Object>> issue(@RequestBody CertificateRequestBody body, Actor actor) {
        if (approvals.needsApproval(actor, body.profile())) {
            RequestService.Submitted submitted = requests.submit(body, actor);
            return CompletableFuture.completedFuture(ResponseEntity.status(submitted.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                    .location(URI.create("/api/v1/requests/" + submitted.request().id())).body(submitted.request()));
        }
        return certificates.issue(body.toRequest(), actor).thenApply(this::issued);
    }

    private ResponseEntity<Object> issued(IssuanceService.Issued issued) {
        CertificateView view = views.full(issued.record());
        URI location = URI.create("/api/v1/certificates/" + view.serial());
        return ResponseEntity.status(issued.created() ? HttpStatus.CREATED : HttpStatus.OK).location(location).body(view);
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
