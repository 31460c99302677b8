package org.civicca.cli.enroll;

import java.util.Locale;
import org.civicca.cli.CliMessage;
import org.civicca.core.message.Messages;

/** Why a row was not issued: the line, the row's request id, the CSV column and the rule. */
record Refusal(int line, String requestId, String field, String reason) {

    String describe(String file, Locale language) {
        return Messages.format(language, CliMessage.ROW_REFUSED, file, line, requestId.isEmpty() ? "-" : requestId, field, reason);
    }
}
