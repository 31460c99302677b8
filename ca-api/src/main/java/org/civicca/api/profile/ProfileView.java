package org.civicca.api.profile;

import java.util.List;

/**
 * A certificate profile as clients see it: enough for the CLI to check rows with the server's own rules before
 * sending them. {@code commonNameRule} is {@code person-name} or {@code organization-name}.
 */
public record ProfileView(String name, String issuer, List<String> keyAlgorithms, int defaultValidityDays, int maxValidityDays,
                          List<String> keyUsage, List<String> rsaKeyUsage, List<String> extendedKeyUsage, List<String> policies,
                          String commonNameRule, List<String> requiredFields, List<String> optionalFields) {
}
