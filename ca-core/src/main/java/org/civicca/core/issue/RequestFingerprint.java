package org.civicca.core.issue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
        MessageDigest digest = sha256();
        field(digest, "v1");
        field(digest, profile);
        field(digest, agency);
        new TreeMap<>(subject).forEach((name, value) -> {
            field(digest, name.jsonName());
            field(digest, value);
        });
        field(digest, validityDays.map(String::valueOf).orElse("-"));
        digest.update(csr.der());
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Length-prefixed, so no two different field sequences hash the same bytes. */
    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required", e);
        }
    }
}
