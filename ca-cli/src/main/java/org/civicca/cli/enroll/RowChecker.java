package org.civicca.cli.enroll;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicca.cli.CliMessage;
import org.civicca.cli.client.Wire;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.message.CoreMessage;
import org.civicca.core.message.Messages;
import org.civicca.core.subject.FieldRule;
import org.civicca.core.subject.SubjectField;
import org.civicca.core.subject.SubjectTemplate;

/**
 * Checks rows with the server's own rules before anything is sent: the profiles and agencies the server has,
 * and ca-core's field rules. A row repeating an earlier request_id is the same request if its content is the same
 * (kept once) and refused if it differs.
 */
final class RowChecker {

    private final Map<String, Wire.Profile> profiles;
    private final Set<String> agencies;
    private final KeyAlgorithm keyAlgorithm;
    private final Locale language;

    RowChecker(List<Wire.Profile> profiles, List<Wire.Agency> agencies, KeyAlgorithm keyAlgorithm, Locale language) {
        this.profiles = profiles.stream().collect(Collectors.toMap(Wire.Profile::name, Function.identity()));
        this.agencies = agencies.stream().map(Wire.Agency::code).collect(Collectors.toSet());
        this.keyAlgorithm = keyAlgorithm;
        this.language = language;
    }

    Result check(List<EnrollmentRow> rows) {
        List<EnrollmentRow> good = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        Map<String, EnrollmentRow> seen = new HashMap<>();
        for (EnrollmentRow row : rows) {
            EnrollmentRow earlier = seen.putIfAbsent(row.requestId(), row);
            if (earlier != null && !row.requestId().isEmpty()) {
                if (!earlier.sameContentAs(row)) {
                    refused.add(new Refusal(row.line(), row.requestId(), "request_id",
                            Messages.format(language, CliMessage.ROW_REPEATS_REQUEST_ID, earlier.line())));
                }
                continue;
            }
            try {
                checkRow(row);
                good.add(row);
            } catch (CaException e) {
                refused.add(new Refusal(row.line(), row.requestId(), EnrollmentRow.column(e.field().orElse(null)),
                        e.detail(language)));
            }
        }
        return new Result(good, refused);
    }

    private void checkRow(EnrollmentRow row) {
        FieldRule.REQUEST_ID.check("request_id", row.requestId());
        Wire.Profile profile = profiles.get(row.profile());
        if (profile == null) {
            throw new CaException(ErrorCode.UNKNOWN_PROFILE, "profile", CoreMessage.PROFILE_ONE_OF,
                    String.join(", ", profiles.keySet().stream().sorted().toList()));
        }
        if (!agencies.contains(row.agency())) {
            throw new CaException(ErrorCode.UNKNOWN_AGENCY, "agency", CoreMessage.UNKNOWN_AGENCY_CODE);
        }
        if (!profile.keyAlgorithms().contains(keyAlgorithm.label())) {
            throw new CaException(ErrorCode.POLICY_VIOLATION, "csr", CoreMessage.PROFILE_KEY_NOT_ALLOWED, profile.name(),
                    keyAlgorithm.label(), profile.keyAlgorithms());
        }
        template(profile).check(row.subject());
    }

    private static SubjectTemplate template(Wire.Profile profile) {
        return new SubjectTemplate(fields(profile.requiredFields()), fields(profile.optionalFields()),
                "person-name".equals(profile.commonNameRule()) ? FieldRule.PERSON_NAME : FieldRule.ORGANIZATION_TEXT);
    }

    private static Set<SubjectField> fields(List<String> names) {
        return names.stream().map(SubjectField::parse).collect(Collectors.toSet());
    }

    record Result(List<EnrollmentRow> good, List<Refusal> refused) {
    }
}
