package org.civicca.api.certificate;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.civicca.api.account.Actor;
import org.civicca.api.request.ApprovalPolicy;
import org.civicca.api.request.RequestService;
import org.civicca.core.issue.IssuanceService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What an issuance request is answered, alone or as an item of a batch: 201 with the new certificate; 200 with the
 * earlier one when the same requestId asks for the same thing again; 202 with a PENDING request when a clerk asks for a
 * profile that needs an officer's approval (200 when that request already exists). Completes once the certificate is
 * committed.
 */
@Component
class IssuanceAnswers {

    private final CertificateService certificates;
    private final CertificateViews views;
    private final ApprovalPolicy approvals;
    private final RequestService requests;

    IssuanceAnswers(CertificateService certificates, CertificateViews views, ApprovalPolicy approvals, RequestService requests) {
        this.certificates = certificates;
        this.views = views;
        this.approvals = approvals;
        this.requests = requests;
    }

    CompletableFuture<ResponseEntity<Object>> answer(CertificateRequestBody body, Actor actor) {
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
}
