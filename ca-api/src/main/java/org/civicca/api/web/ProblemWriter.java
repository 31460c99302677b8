package org.civicca.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.civicca.core.message.MessageKey;
import org.civicca.core.message.Messages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Writes a problem+json answer where the controller advice cannot reach: servlet filters, the publication listener. */
@Component
public class ProblemWriter {

    private final ObjectMapper json;
    private final AnsweredProblems problems;

    ProblemWriter(ObjectMapper json, AnsweredProblems problems) {
        this.json = json;
        this.problems = problems;
    }

    /** The detail is rendered in the client's language ({@link ClientLanguage}). */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug, MessageKey detail,
                      Object... args) throws IOException {
        Locale language = ClientLanguage.of(request);
        ProblemDetail problem = problem(language, status, slug, detail, args);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag());
        // Counted before the answer leaves, so a client that has it can already see it counted.
        problems.count(problem);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    /** The body of a problem answered outside the servlet stack (the publication listener), counted like the others. */
    public byte[] render(Locale language, HttpStatus status, String slug, MessageKey detail, Object... args) {
        ProblemDetail problem = problem(language, status, slug, detail, args);
        problems.count(problem);
        return json.writeValueAsBytes(problem);
    }

    /** A problem of the service's own (not a CA refusal) in the client's language: status, type slug, catalogue detail. */
    static ProblemDetail problem(Locale language, HttpStatus status, String slug, MessageKey detail, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, Messages.format(language, detail, args));
        problem.setType(ProblemTypes.type(slug));
        return problem;
    }
}
