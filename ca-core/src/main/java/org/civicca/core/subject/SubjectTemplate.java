package org.civicca.core.subject;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.message.CoreMessage;

/**
 * What a profile says about the subject: which fields are required and which optional (any other field is
 * refused), and which rule the common name follows (a person's name or an organization's name).
 */
public record SubjectTemplate(Set<SubjectField> required, Set<SubjectField> optional, FieldRule commonNameRule) {

    public SubjectTemplate {
        required = Set.copyOf(required);
        optional = Set.copyOf(optional);
        if (!required.contains(SubjectField.COMMON_NAME)) {
            throw new IllegalArgumentException("commonName must be a required field");
        }
        if (required.stream().anyMatch(optional::contains)) {
            throw new IllegalArgumentException("a field cannot be both required and optional");
        }
        if (commonNameRule != FieldRule.PERSON_NAME && commonNameRule != FieldRule.ORGANIZATION_TEXT) {
            throw new IllegalArgumentException("the common name follows the person-name or organization-text rule");
        }
        boolean uidFromId = required.contains(SubjectField.NATIONAL_ID) || optional.contains(SubjectField.NATIONAL_ID);
        boolean uidFromTax = required.contains(SubjectField.TAX_CODE) || optional.contains(SubjectField.TAX_CODE);
        if (uidFromId && uidFromTax) {
            throw new IllegalArgumentException("a subject carries one UID: nationalId or taxCode, not both");
        }
    }

    public boolean allows(SubjectField field) {
        return required.contains(field) || optional.contains(field);
    }

    /**
     * Checks every field against this template and its rule: required ones present, others refused, each value by
     * its {@link FieldRule}. Returns the normalized values; the error names the field as {@code subject.<name>}.
     */
    public Map<SubjectField, String> check(SubjectFields fields) {
        Map<SubjectField, String> values = new EnumMap<>(SubjectField.class);
        for (SubjectField field : SubjectField.values()) {
            Optional<String> raw = fields.get(field);
            String name = "subject." + field.jsonName();
            if (raw.isPresent() && !allows(field)) {
                throw new CaException(ErrorCode.INVALID_FIELD, name, CoreMessage.FIELD_NOT_IN_PROFILE, name);
            }
            if (raw.isEmpty() && required.contains(field)) {
                throw new CaException(ErrorCode.INVALID_FIELD, name, CoreMessage.FIELD_REQUIRED_BY_PROFILE, name);
            }
            raw.ifPresent(v -> values.put(field, field.rule(commonNameRule).check(name, v)));
        }
        return values;
    }
}
