package org.civicca.core.subject;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The subject as the client sent it: raw, unchecked, any field possibly absent. */
public record SubjectFields(String commonName, String email, String nationalId, String title, String unit, String taxCode) {

    public Optional<String> get(SubjectField field) {
        String value = switch (field) {
            case COMMON_NAME -> commonName;
            case EMAIL -> email;
            case NATIONAL_ID -> nationalId;
            case TITLE -> title;
            case UNIT -> unit;
            case TAX_CODE -> taxCode;
        };
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** The fields that carry a value, in declaration order, for fingerprints and logs. */
    public Map<SubjectField, String> present() {
        EnumMap<SubjectField, String> values = new EnumMap<>(SubjectField.class);
        for (SubjectField field : SubjectField.values()) {
            get(field).ifPresent(v -> values.put(field, v));
        }
        return values;
    }
}
