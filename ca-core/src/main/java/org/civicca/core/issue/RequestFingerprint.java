package org.civicca.core.issue;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.civicca.core.FieldDigest;
import org.civicca.core.csr.ParsedCsr;
import org.civicca.core.subject.SubjectField;

/**
 * A digest of what a request asks for, after normalization: profile, agency, subject values, validity and the
 * CSR's DER. Two requests with one requestId are "the same" exactly when their fingerprints are equal, so a
 * retry that re-encodes the CSR as PEM instead of base64, or that sends a name in NFD, still matches.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    public static String of(String profile, String agency, Map<SubjectField, String> subject, Optional<Integer> validityDays, ParsedCsr csr) {
        FieldDigest digest = new FieldDigest().field("v1").field(profile).field(agency);
        new TreeMap<>(subject).forEach((name, value) -> digest.field(name.jsonName()).field(value));
        return digest.field(validityDays.map(String::valueOf).orElse("-")).bytes(csr.der()).hex();
    }
}
