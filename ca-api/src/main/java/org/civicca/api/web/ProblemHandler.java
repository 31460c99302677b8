package org.civicca.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.civicca.api.account.Actor;
import org.civicca.api.audit.AuditLog;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error leaves as RFC 9457 problem+json, rendered here and nowhere else: refusals of the CA with the status
 * and type of their {@link org.civicca.core.ErrorCode}, framework errors with a type per status, and anything
 * unexpected as a bare 500 that echoes nothing internal (the log has it under a reference).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final Map<Integer, String> FRAMEWORK_TYPES = Map.of(
            400, "malformed-request",
            404, "not-found",
            405, "method-not-allowed",
            406, "not-acceptable",
            413, "body-too-large",
            415, "unsupported-media-type");

    private final AuditLog audit;

    ProblemHandler(AuditLog audit) {
        this.audit = audit;
    }

    @ExceptionHandler(CaException.class)
    ResponseEntity<ProblemDetail> refused(CaException e, HttpServletRequest request) {
        HttpStatus status = ProblemTypes.status(e.code());
        if (e.code() == ErrorCode.FORBIDDEN) {
            Actor actor = (Actor) request.getAttribute(Actor.REQUEST_ATTRIBUTE);
            audit.recordRefusal(request, actor == null ? "-" : actor.name(), "authorization.refused",
                    request.getMethod() + "; " + e.getMessage());
        }
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            return internal(e);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(ProblemTypes.type(e.code()));
        problem.setTitle(status.getReasonPhrase());
        e.field().ifPresent(field -> problem.setProperty("field", field));
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> internal(Exception e) {
        String reference = UUID.randomUUID().toString();
        log.error("Internal error, reference {}", reference, e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal error; the operators can find it under reference " + reference);
        problem.setType(ProblemTypes.type("internal-error"));
        problem.setProperty("reference", reference);
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (causedBy(e, BodySizeLimitFilter.BodyTooLargeException.class)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, rootMessage(e));
            return handleExceptionInternal(e, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadable(e));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers, HttpStatusCode status,
                                                             WebRequest request) {
        Object problem = body == null && e instanceof ErrorResponse response
                ? response.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale()) : body;
        if (problem instanceof ProblemDetail detail && (detail.getType() == null || "about:blank".equals(detail.getType().toString()))) {
            detail.setType(ProblemTypes.type(FRAMEWORK_TYPES.getOrDefault(status.value(), "http-" + status.value())));
        }
        return super.handleExceptionInternal(e, problem, headers, status, request);
    }

    /** Names the offending field where the JSON reader knows it, without echoing the input. */
    private static String unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String path = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            return "field '" + path + "' has the wrong type or format";
        }
        return "request body is missing or is not valid JSON";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
