package org.civicca.core.ca;

import java.time.Duration;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.subject.FieldRule;

/**
 * One CA as configured: its name (used in URLs and as keystore alias), subject, key type, certificate validity,
 * parent (empty for the root), and how long each of its CRLs is valid.
 */
public record CaDefinition(String name, X500Name subject, KeyAlgorithm keyAlgorithm, int validityYears,
                           Optional<String> parent, Duration crlValidity) {

    public CaDefinition {
        FieldRule.AGENCY_CODE.check("CA name", name);
        if (validityYears < 1 || validityYears > 30) {
            throw new IllegalArgumentException("CA " + name + ": validity must be 1 to 30 years");
        }
        if (crlValidity.compareTo(Duration.ofMinutes(10)) < 0 || crlValidity.compareTo(Duration.ofDays(400)) > 0) {
            throw new IllegalArgumentException("CA " + name + ": CRL validity must be between 10 minutes and 400 days");
        }
        parent.ifPresent(p -> {
            if (p.equals(name)) {
                throw new IllegalArgumentException("CA " + name + " cannot be its own parent");
            }
        });
    }

    public boolean isRoot() {
        return parent.isEmpty();
    }
}
