package org.civicca.cli.enroll;

/** Why a row was not issued: the line, the row's request id, the CSV column and the rule. */
record Refusal(int line, String requestId, String field, String reason) {

    String describe(String file) {
        return file + ": line " + line + ": request_id " + (requestId.isEmpty() ? "-" : requestId) + ": field " + field + ": " + reason;
    }
}
