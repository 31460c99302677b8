package org.civicca.api.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Counts every problem+json answer once, in {@code civicca.problems} tagged by problem type URN and HTTP status, from
 * the three places that write one: {@link ProblemHandler} (refusals and errors in Spring MVC), {@link ProblemWriter}
 * (filters) and {@link ProblemErrorController} (errors outside Spring MVC). The types are a fixed catalogue, so the
 * series are few.
 */
@Component
class AnsweredProblems {

    private final Meter.MeterProvider<Counter> counters;

    AnsweredProblems(MeterRegistry meters) {
        this.counters = Counter.builder("civicca.problems").description("Problem answers (refusals and errors) sent").withRegistry(meters);
    }

    void count(ProblemDetail problem) {
        String type = problem.getType() == null ? "about:blank" : problem.getType().toString();
        counters.withTags("type", type, "status", Integer.toString(problem.getStatus())).increment();
    }
}
