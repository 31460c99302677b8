package org.civicca.core.subject;

import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;

/** A checked subject: the distinguished name to certify and the normalized field values it was built from. */
public record Subject(X500Name dn, Map<SubjectField, String> values) {

    public Subject {
        values = Map.copyOf(values);
    }

    public String commonName() {
        return values.get(SubjectField.COMMON_NAME);
    }

    /** The e-mail for the subjectAltName, if any. */
    public Optional<String> email() {
        return Optional.ofNullable(values.get(SubjectField.EMAIL));
    }
}
