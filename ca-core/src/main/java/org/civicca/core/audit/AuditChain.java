package org.civicca.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain that makes the audit trail tamper-evident: each entry's hash covers its own content and the hash
 * of the entry before it, so changing, deleting, inserting or reordering any entry breaks every hash after it.
 * Fields are length-prefixed, so no two different entries encode to the same bytes.
 */
public final class AuditChain {

    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(String previousHash, AuditEntry entry) {
        MessageDigest digest = sha256();
        field(digest, "civicca-audit-v1");
        field(digest, previousHash);
        field(digest, Long.toString(entry.sequence()));
        field(digest, entry.occurredAt().truncatedTo(ChronoUnit.MICROS).toString());
        field(digest, entry.actor());
        field(digest, entry.tokenId());
        field(digest, entry.sourceAddress());
        field(digest, entry.action());
        field(digest, entry.target());
        field(digest, entry.outcome());
        field(digest, entry.requestId());
        field(digest, entry.detail());
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, String value) {
        if (value == null) {
            digest.update((byte) '-');
            return;
        }
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
