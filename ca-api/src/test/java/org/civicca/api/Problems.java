package org.civicca.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.civicca.api.web.ProblemTypes;
import tools.jackson.databind.JsonNode;

/** Assertions on RFC 9457 problem answers: status, type, media type, and nothing internal leaking out. */
public final class Problems {

    /** What a stack trace, an exception class or a framework package looks like in a body. */
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|Error:|\\bat [a-z]+\\.[a-z]|\\b(java|javax|jakarta|sun|tools\\.jackson|com\\.fasterxml|org\\.springframework"
                    + "|org\\.bouncycastle|org\\.h2|org\\.apache|org\\.civicca)\\.[a-zA-Z]|\"(trace|exception|stackTrace)\"");

    private Problems() {
    }

    /** The answer is problem+json with this status and {@code urn:civicca:problem:<slug>}, and shows nothing internal. */
    public static JsonNode assertProblem(ApiClient.Response response, int status, String slug) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        assertNothingInternal(response);
        JsonNode problem = response.json();
        assertThat(problem.path("type").asString()).as(response.toString()).isEqualTo(ProblemTypes.PREFIX + slug);
        assertThat(problem.path("status").asInt()).as(response.toString()).isEqualTo(status);
        return problem;
    }

    public static void assertNothingInternal(ApiClient.Response response) {
        assertThat(INTERNALS.matcher(response.text()).find()).as("internals leaked in %s", response).isFalse();
    }
}
