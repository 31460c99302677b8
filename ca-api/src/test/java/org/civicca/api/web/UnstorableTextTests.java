package org.civicca.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Text PostgreSQL cannot hold (U+0000, SQLState 22021) that slipped past every field rule is answered as the
 * client's bad input, 400, never as an internal error; any other database failure stays a 500 with a reference.
 */
class UnstorableTextTests {

    private final ProblemHandler handler = new ProblemHandler(null, new AnsweredProblems(new SimpleMeterRegistry()));
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/certificates");

    @Test
    void textTheDatabaseCannotStoreIsAMalformedRequest() {
        SQLException refused = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");

        ResponseEntity<ProblemDetail> answer = handler.database(new UncategorizedSQLException("query", "SELECT 1", refused), request);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().getType().toString()).isEqualTo("urn:civicca:problem:malformed-request");
        assertThat(answer.getBody().getDetail()).contains("U+0000").doesNotContain("0x00").doesNotContain("SELECT");
    }

    @Test
    void anyOtherDatabaseFailureStaysAnInternalError() {
        SQLException broken = new SQLException("connection reset", "08006");

        ResponseEntity<ProblemDetail> answer = handler.database(new DataIntegrityViolationException("lost", broken), request);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getProperties()).containsKey("reference");
    }
}
