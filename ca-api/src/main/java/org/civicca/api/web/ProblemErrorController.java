package org.civicca.api.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.UUID;
import org.civicca.api.account.PublicEndpoint;
import org.civicca.core.message.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that happen outside Spring MVC (in a filter, or refused by the container) reach {@code /error}; they too
 * leave as problem+json with nothing internal in them.
 */
@RestController
@PublicEndpoint
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final AnsweredProblems problems;

    ProblemErrorController(AnsweredProblems problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem = ProblemDetail.forStatus(status);
        Locale language = ClientLanguage.of(request);
        if (status.is5xxServerError()) {
            String reference = UUID.randomUUID().toString();
            log.error("Internal error outside the controllers, reference {}", reference,
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            problem.setDetail(Messages.format(language, ApiMessage.INTERNAL_ERROR, reference));
            problem.setProperty("reference", reference);
            problem.setType(ProblemTypes.type("internal-error"));
        } else {
            problem.setType(ProblemTypes.type("http-" + status.value()));
            problem.setDetail(status == HttpStatus.NOT_FOUND ? Messages.format(language, ApiMessage.NOTHING_AT_PATH)
                    : Messages.format(language, ApiMessage.REQUEST_NOT_SERVED, status.value()));
        }
        problems.count(problem);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag()).body(problem);
    }
}
