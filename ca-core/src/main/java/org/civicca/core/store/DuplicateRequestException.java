package org.civicca.core.store;

/** Another certificate already holds this requestId: the caller re-reads it instead of issuing twice. */
public class DuplicateRequestException extends RuntimeException {

    public DuplicateRequestException(String requestId, Throwable cause) {
        super("a certificate for requestId " + requestId + " already exists", cause);
    }
}
