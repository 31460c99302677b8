package org.civicca.api.web;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import org.civicca.core.ErrorCode;
import org.springframework.http.HttpStatus;

/**
 * The one table from refusal to HTTP status, and the stable problem {@code type} URI of each:
 * 400 cannot be parsed, 422 well-formed but breaks a rule, 404 unknown, 409 state conflict, 500 our fault.
 */
public final class ProblemTypes {

    public static final String PREFIX = "urn:civicca:problem:";

    private static final Map<ErrorCode, HttpStatus> STATUS = new EnumMap<>(Map.ofEntries(
            Map.entry(ErrorCode.MALFORMED_REQUEST, HttpStatus.BAD_REQUEST),
            Map.entry(ErrorCode.BAD_CSR, HttpStatus.BAD_REQUEST),
            Map.entry(ErrorCode.INVALID_FIELD, HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry(ErrorCode.CSR_SIGNATURE_INVALID, HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry(ErrorCode.WEAK_KEY, HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry(ErrorCode.UNSUPPORTED_KEY, HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry(ErrorCode.POLICY_VIOLATION, HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry(ErrorCode.VALIDITY_NOT_ALLOWED, HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry(ErrorCode.UNKNOWN_PROFILE, HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry(ErrorCode.UNKNOWN_AGENCY, HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry(ErrorCode.UNKNOWN_CA, HttpStatus.NOT_FOUND),
            Map.entry(ErrorCode.AGENCY_NOT_FOUND, HttpStatus.NOT_FOUND),
            Map.entry(ErrorCode.UNKNOWN_CERTIFICATE, HttpStatus.NOT_FOUND),
            Map.entry(ErrorCode.AGENCY_EXISTS, HttpStatus.CONFLICT),
            Map.entry(ErrorCode.ACCOUNT_EXISTS, HttpStatus.CONFLICT),
            Map.entry(ErrorCode.UNKNOWN_ACCOUNT, HttpStatus.NOT_FOUND),
            Map.entry(ErrorCode.UNKNOWN_TOKEN, HttpStatus.NOT_FOUND),
            Map.entry(ErrorCode.UNKNOWN_REQUEST, HttpStatus.NOT_FOUND),
            Map.entry(ErrorCode.REQUEST_DECIDED, HttpStatus.CONFLICT),
            Map.entry(ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN),
            Map.entry(ErrorCode.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED),
            Map.entry(ErrorCode.REQUEST_ID_CONFLICT, HttpStatus.CONFLICT),
            Map.entry(ErrorCode.ALREADY_REVOKED, HttpStatus.CONFLICT),
            Map.entry(ErrorCode.NOT_ON_HOLD, HttpStatus.CONFLICT),
            Map.entry(ErrorCode.CERTIFICATE_EXPIRED, HttpStatus.CONFLICT),
            Map.entry(ErrorCode.CA_CONFIGURATION, HttpStatus.INTERNAL_SERVER_ERROR),
            Map.entry(ErrorCode.CA_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE),
            Map.entry(ErrorCode.BACKUP_UNSUPPORTED, HttpStatus.CONFLICT),
            Map.entry(ErrorCode.SELF_CHECK_FAILED, HttpStatus.INTERNAL_SERVER_ERROR)));

    private ProblemTypes() {
    }

    public static HttpStatus status(ErrorCode code) {
        return STATUS.getOrDefault(code, HttpStatus.INTERNAL_SERVER_ERROR);
    }

    public static URI type(ErrorCode code) {
        return type(code.slug());
    }

    public static URI type(String slug) {
        return URI.create(PREFIX + slug);
    }
}
