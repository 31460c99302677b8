package org.civicca.core.issue;

import java.util.Optional;
import org.civicca.core.subject.FieldRule;
import org.civicca.core.subject.SubjectFields;

/** A certificate request as the client made it: nothing in it has been checked yet. */
public record IssuanceRequest(Optional<String> requestId, String profile, String agency, SubjectFields subject, String csr,
                              Optional<Integer> validityDays) {

    public IssuanceRequest {
        requestId = requestId.filter(id -> !id.isBlank()).map(id -> FieldRule.REQUEST_ID.check("requestId", id));
        subject = subject == null ? new SubjectFields(null, null, null, null, null, null) : subject;
    }
}
