package org.civicca.api.certificate;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.civicca.api.account.Actor;
import org.civicca.api.account.Permit;
import org.civicca.api.account.RateLimits;
import org.civicca.api.account.Role;
import org.civicca.api.web.ApiMessage;
import org.civicca.api.web.ProblemHandler;
import org.civicca.api.web.TooManyRequestsException;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/certificates/batch}: up to {@value #MAX_REQUESTS} issuance requests in one call, for bulk work
 * (the CLI's enrollment). Each item is handled exactly as {@code POST /api/v1/certificates} would handle it alone (the
 * same checks, scope, approvals, requestId idempotency, audit entry) and gets its own status: the certificate, the
 * pending request, or a problem. One bad item refuses only itself. Answered 200 once every item is settled; each item
 * counts against the token's request rate.
 */
@RestController
class CertificateBatchController {

    static final int MAX_REQUESTS = 100;

    private final IssuanceAnswers answers;
    private final ProblemHandler problems;
    private final RateLimits limits;

    CertificateBatchController(IssuanceAnswers answers, ProblemHandler problems, RateLimits limits) {
        this.answers = answers;
        this.problems = problems;
        this.limits = limits;
    }

    @PostMapping(value = "/api/v1/certificates/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Permit({Role.ADMIN, Role.OFFICER, Role.CLERK})
    CompletableFuture<BatchAnswer> issue(@RequestBody BatchBody body, Actor actor, HttpServletRequest request) {
        List<CertificateRequestBody> items = body.requests();
        if (items == null || items.isEmpty()) {
            throw new CaException(ErrorCode.MALFORMED_REQUEST, "requests", ApiMessage.BATCH_EMPTY);
        }
        // A batch larger than the token's burst could never be granted at once.
        int max = Math.min(MAX_REQUESTS, limits.burst());
        if (items.size() > max) {
            throw new CaException(ErrorCode.INVALID_FIELD, "requests", ApiMessage.BATCH_TOO_LARGE, max);
        }
        // The call itself took one request from the token's bucket; the further items take theirs.
        limits.tokenRequests(actor.tokenId(), items.size() - 1).ifPresent(seconds -> {
            throw new TooManyRequestsException(seconds);
        });
        List<CompletableFuture<ItemAnswer>> settled = IntStream.range(0, items.size())
                .mapToObj(index -> item(index, items.get(index), actor, request)).toList();
        return CompletableFuture.allOf(settled.toArray(CompletableFuture[]::new))
                .thenApply(all -> new BatchAnswer(settled.stream().map(CompletableFuture::join).toList()));
    }

    private CompletableFuture<ItemAnswer> item(int index, CertificateRequestBody body, Actor actor, HttpServletRequest request) {
        CompletableFuture<ResponseEntity<Object>> answer;
        try {
            if (body == null) {
                throw new CaException(ErrorCode.MALFORMED_REQUEST, "requests[" + index + "]", ApiMessage.BATCH_ITEM_MISSING);
            }
            answer = answers.answer(body, actor);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        String requestId = body == null ? null : body.requestId();
        return answer.handle((answered, failure) -> failure == null
                ? ItemAnswer.of(index, requestId, answered)
                : ItemAnswer.refused(index, requestId, problems.answer(failure, request).getBody()));
    }

    /** The body: {@code {"requests": [ <a body of POST /api/v1/certificates>, ... ]}}. */
    record BatchBody(List<CertificateRequestBody> requests) {
    }

    /** One result per item, in the order of the request. */
    record BatchAnswer(List<ItemAnswer> results) {
    }

    /**
     * An item's outcome: its index in the batch, its requestId (if it had one), the HTTP status it would have had
     * alone, and the certificate (200, 201), the pending request (200, 202) or the problem (4xx, 5xx).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemAnswer(int index, String requestId, int status, URI location, CertificateView certificate, Object request,
                      ProblemDetail problem) {

        static ItemAnswer of(int index, String requestId, ResponseEntity<Object> answered) {
            Object body = answered.getBody();
            return new ItemAnswer(index, requestId, answered.getStatusCode().value(), answered.getHeaders().getLocation(),
                    body instanceof CertificateView view ? view : null, body instanceof CertificateView ? null : body, null);
        }

        static ItemAnswer refused(int index, String requestId, ProblemDetail problem) {
            return new ItemAnswer(index, requestId, problem.getStatus(), null, null, null, problem);
        }
    }
}
