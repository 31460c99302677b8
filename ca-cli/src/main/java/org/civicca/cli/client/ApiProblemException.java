package org.civicca.cli.client;

/** The server refused a request with a problem+json answer: the row's fault, not the connection's. */
public class ApiProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String field;
    private final long retryAfterSeconds;

    public ApiProblemException(int status, String type, String detail, String field) {
        this(status, type, detail, field, 0);
    }

    /** {@code retryAfterSeconds}: the server's Retry-After (a 429 or 503), 0 when it sent none. */
    public ApiProblemException(int status, String type, String detail, String field, long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.type = type;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** An item of a batch refused with this problem, as if it had been sent alone. */
    public static ApiProblemException of(Wire.Problem problem, int status) {
        return new ApiProblemException(status, problem == null ? null : problem.type(), problem == null ? null : problem.detail(),
                problem == null ? null : problem.field());
    }

    public int status() {
        return status;
    }

    /** The last segment of the problem type, e.g. {@code invalid-field}. */
    public String kind() {
        return type == null ? "http-" + status : type.substring(type.lastIndexOf(':') + 1);
    }

    public String field() {
        return field;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Worth retrying: the server was busy or failed, the request itself may be fine. */
    public boolean isTransient() {
        return status >= 500 || status == 429;
    }
}
