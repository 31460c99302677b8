package org.civicca.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The counts in enroll's summary line, e.g. "enroll: 120 rows: 0 issued, 0 recovered from an earlier run, 120 already
 * done, 0 failed (...)", keyed "issued", "recovered", "already done", "failed".
 */
final class EnrollSummary {

    private static final Pattern COUNT = Pattern.compile("(\\d+) (issued|recovered|already done|failed)\\b");

    private EnrollSummary() {
    }

    static Map<String, Integer> counts(Cli.Result result) {
        String summary = result.out().lines().filter(l -> l.startsWith("enroll:")).findFirst()
                .orElseThrow(() -> new AssertionError("no \"enroll:\" summary line on stdout\n" + result));
        Map<String, Integer> counts = new LinkedHashMap<>();
        Matcher matcher = COUNT.matcher(summary);
        while (matcher.find()) {
            counts.put(matcher.group(2), Integer.parseInt(matcher.group(1)));
        }
        assertThat(counts.keySet()).as("counts in the summary line\n%s", result)
                .containsExactlyInAnyOrder("issued", "recovered", "already done", "failed");
        return counts;
    }
}
