package org.civicca.cli.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The JSON the service speaks, as the CLI reads it (unknown fields are ignored, so the server may grow). */
public final class Wire {

    private Wire() {
    }

    public record Agency(String code, String name, String taxCode, String locality) {
    }

    public record Profile(String name, String issuer, List<String> keyAlgorithms, int defaultValidityDays, int maxValidityDays,
                          String commonNameRule, List<String> requiredFields, List<String> optionalFields) {
    }

    public record Certificate(String serial, String status, String issuer, String profile, String agency, String requestId,
                              String subjectDn, String commonName, String email, Instant notBefore, Instant notAfter,
                              String certificatePem, String chainPem, Revocation revocation) {
    }

    /**
     * What {@code POST /api/v1/certificates} answered: a certificate (created is false when an earlier call had issued
     * it), or, for a clerk's request that needs an officer's approval, the request awaiting it (certificate null).
     */
    public record Issued(Certificate certificate, boolean created, PendingRequest awaitingApproval) {
    }

    /**
     * One item's outcome from {@code POST /api/v1/certificates/batch}: the status it would have had alone, and the
     * certificate (200, 201), the request awaiting approval (200, 202) or the problem.
     */
    public record BatchResult(int index, String requestId, int status, Certificate certificate, PendingRequest request, Problem problem) {

        /** The item's answer as {@code POST /api/v1/certificates} alone would have given it; empty for a problem. */
        public Optional<Issued> issued() {
            if (certificate == null && request == null) {
                return Optional.empty();
            }
            return Optional.of(new Issued(certificate, status == 201, request));
        }
    }

    public record BatchAnswer(List<BatchResult> results) {
    }

    /** A certificate request held for an officer's approval. */
    public record PendingRequest(String id, String state) {
    }

    public record Revocation(String reason, Instant revokedAt, Instant invalidityDate) {
    }

    public record CertificatePage(List<Certificate> items, int page, int size, long total) {
    }

    /** crlFreshness is the server's verdict on the newest CRL: fresh, stale, lapsed or missing. */
    public record Ca(String name, String subjectDn, String parent, Instant notAfter, String certificatePem, String crlUrl,
                     long crlNumber, Instant crlThisUpdate, Instant crlNextUpdate, String crlFreshness) {
    }

    public record Crl(String ca, long crlNumber, Instant thisUpdate, Instant nextUpdate) {
    }

    public record Account(String id, String name, String role, String agency, boolean enabled) {
    }

    public record NewToken(String id, String token, Instant expiresAt) {
    }

    public record Token(String id, Instant createdAt, Instant expiresAt, Instant revokedAt) {
    }

    public record AuditEntry(long sequence, Instant occurredAt, String actor, String tokenId, String sourceAddress, String action,
                             String target, String outcome, String requestId, String detail, String previousHash, String hash) {
    }

    public record AuditCheckpoint(long sequence, String hash, Instant signedAt, String signature) {
    }

    public record Holds(long maxAgeDays, long overdue, List<Hold> holds) {
    }

    public record Hold(Certificate certificate, boolean overdue) {
    }

    /** An RFC 9457 problem as the server sends it. */
    public record Problem(String type, String title, Integer status, String detail, String field) {
    }
}
