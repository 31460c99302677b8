package org.civicca.core;

import java.util.Optional;

/**
 * A refusal by the CA, carrying the rule that was broken. The detail names the field and the rule and
 * never echoes secrets; callers may show it to the client as is.
 */
public class CaException extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public CaException(ErrorCode code, String detail) {
        this(code, null, detail, null);
    }

    public CaException(ErrorCode code, String field, String detail) {
        this(code, field, detail, null);
    }

    public CaException(ErrorCode code, String field, String detail, Throwable cause) {
        super(detail, cause);
        this.code = code;
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
