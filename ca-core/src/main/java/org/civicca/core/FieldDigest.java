package org.civicca.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a sequence of text fields, each length-prefixed ({@code <bytes>:<UTF-8>}; an absent field is a
 * single {@code -}), so no two different sequences hash the same bytes. Request fingerprints and the audit chain
 * are both made this way; their stored hashes depend on this exact encoding.
 */
public final class FieldDigest {

    private final MessageDigest digest;

    public FieldDigest() {
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required", e);
        }
    }

    public FieldDigest field(String value) {
        if (value == null) {
            digest.update((byte) '-');
            return this;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
        return this;
    }

    /** Raw bytes, unprefixed: only as the last part of the input. */
    public FieldDigest bytes(byte[] value) {
        digest.update(value);
        return this;
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
