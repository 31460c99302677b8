package org.civicca.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.civicca.api.account.Actor;
import org.civicca.api.audit.AuditLog;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.message.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
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
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /** character_not_in_repertoire, untranslatable_character. */
    private static final Set<String> UNSTORABLE_TEXT = Set.of("22021", "22P05");
    private static final Map<Integer, String> FRAMEWORK_TYPES = Map.of(
            400, "malformed-request",
            404, "not-found",
            405, "method-not-allowed",
            406, "not-acceptable",
            413, "body-too-large",
            415, "unsupported-media-type");

    private final AuditLog audit;
    private final AnsweredProblems problems;

    ProblemHandler(AuditLog audit, AnsweredProblems problems) {
        this.audit = audit;
        this.problems = problems;
    }

    /**
     * The answer one item of a batch gets for what refused it, as if it had been a request of its own (counted and
     * audited the same way).
     */
    public ResponseEntity<ProblemDetail> answer(Throwable failure, HttpServletRequest request) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof CaException refusal) {
            return refused(refusal, request);
        }
        if (cause instanceof DataAccessException database) {
            return database(database, request);
        }
        return internal(cause instanceof Exception e ? e : new IllegalStateException(cause), request);
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> throttled(TooManyRequestsException e, HttpServletRequest request) {
        Locale language = ClientLanguage.of(request);
        // The same answer the authentication filter gives a token over its rate.
        ProblemDetail problem = ProblemWriter.problem(language, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", ApiMessage.TOKEN_THROTTLED);
        problems.count(problem);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag()).body(problem);
    }

    @ExceptionHandler(CaException.class)
    ResponseEntity<ProblemDetail> refused(CaException e, HttpServletRequest request) {
        HttpStatus status = ProblemTypes.status(e.code());
        if (e.code() == ErrorCode.FORBIDDEN) {
            audit.recordRefusal(request, actorName(request), "authorization.refused", request.getMethod() + "; " + e.getMessage());
        }
        if (e.code() == ErrorCode.SELF_CHECK_FAILED) {
            audit.recordFailure(actorName(request), "selfcheck.failed", request.getRequestURI(), e.getMessage());
        }
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            return internal(e, request);
        }
        Locale language = ClientLanguage.of(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.detail(language));
        problem.setType(ProblemTypes.type(e.code()));
        problem.setTitle(status.getReasonPhrase());
        e.field().ifPresent(field -> problem.setProperty("field", field));
        problems.count(problem);
        return ResponseEntity.status(status).header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag()).body(problem);
    }

    /**
     * Text the database cannot hold (PostgreSQL refuses U+0000 in any text, SQLState 22021) is the client's bad input,
     * not an internal error: the transaction it spoiled has rolled back, so nothing is half-stored.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> database(DataAccessException e, HttpServletRequest request) {
        Optional<SQLException> sql = cause(e, SQLException.class);
        if (sql.isPresent() && UNSTORABLE_TEXT.contains(sql.get().getSQLState())) {
            return refused(new CaException(ErrorCode.MALFORMED_REQUEST, null, ApiMessage.TEXT_NOT_STORABLE), request);
        }
        return internal(e, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> internal(Exception e, HttpServletRequest request) {
        String reference = UUID.randomUUID().toString();
        log.error("Internal error, reference {}", reference, e);
        Locale language = ClientLanguage.of(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                Messages.format(language, ApiMessage.INTERNAL_ERROR, reference));
        problem.setType(ProblemTypes.type("internal-error"));
        problem.setProperty("reference", reference);
        problems.count(problem);
        return ResponseEntity.internalServerError().header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Locale language = language(request);
        Optional<BodySizeLimitFilter.BodyTooLargeException> tooLarge = cause(e, BodySizeLimitFilter.BodyTooLargeException.class);
        if (tooLarge.isPresent()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    Messages.format(language, ApiMessage.BODY_TOO_LARGE, tooLarge.get().max()));
            return handleExceptionInternal(e, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadable(e, language));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Spring's own errors (body null) get the catalogue's detail in the client's language, and a type per status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers, HttpStatusCode status,
                                                             WebRequest request) {
        Locale language = language(request);
        Object problem = body == null && e instanceof ErrorResponse response
                ? response.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale()) : body;
        if (problem instanceof ProblemDetail detail) {
            if (body == null) {
                detail.setDetail(FrameworkDetails.of(e, status, language));
            }
            if (detail.getType() == null || "about:blank".equals(detail.getType().toString())) {
                detail.setType(ProblemTypes.type(FRAMEWORK_TYPES.getOrDefault(status.value(), "http-" + status.value())));
            }
        }
        HttpHeaders answered = new HttpHeaders();
        answered.putAll(headers);
        answered.set(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag());
        ResponseEntity<Object> answer = super.handleExceptionInternal(e, problem, answered, status, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail sent) {
            problems.count(sent);
        }
        return answer;
    }

    private static Locale language(WebRequest request) {
        return ClientLanguage.of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static String actorName(HttpServletRequest request) {
        Actor actor = (Actor) request.getAttribute(Actor.REQUEST_ATTRIBUTE);
        return actor == null ? "-" : actor.name();
    }

    /** Names the offending field where the JSON reader knows it, without echoing the input. */
    private static String unreadable(HttpMessageNotReadableException e, Locale language) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return Messages.format(language, ApiMessage.UNKNOWN_JSON_FIELD, unknown.getPropertyName());
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String path = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            return Messages.format(language, ApiMessage.JSON_FIELD_WRONG_TYPE, path);
        }
        return Messages.format(language, ApiMessage.BODY_NOT_JSON);
    }

    private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
