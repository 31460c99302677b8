package org.civicca.api.crl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.crl.PublishedCrl;

/**
 * One file relying parties fetch without credentials, ready to send: the bytes (held once and never copied per
 * answer), the media type, the validators (ETag, Last-Modified) and, for a CRL, the nextUpdate that no cache may
 * outlive.
 */
final class PublicFile {

    static final String PKIX_CRL = "application/pkix-crl";
    static final String PKIX_CERT = "application/pkix-cert";
    /** RFC 9110's IMF-fixdate: two-digit days, which DateTimeFormatter.RFC_1123_DATE_TIME does not write. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private final byte[] body;
    private final String kind;
    private final String contentType;
    private final String etag;
    private final Instant lastModified;
    private final String lastModifiedHeader;
    private final Optional<Instant> expires;
    private volatile ByteBuffer directBody;

    private PublicFile(byte[] body, String kind, String contentType, String etag, Instant lastModified, Optional<Instant> expires) {
        this.body = body;
        this.kind = kind;
        this.contentType = contentType;
        this.etag = etag;
        this.lastModified = lastModified.truncatedTo(ChronoUnit.SECONDS);
        this.lastModifiedHeader = HTTP_DATE.format(this.lastModified.atOffset(ZoneOffset.UTC));
        this.expires = expires;
    }

    static PublicFile of(PublishedCrl crl) {
        return new PublicFile(crl.der(), "crl", PKIX_CRL, "\"" + crl.caName() + "-" + crl.number() + "\"", crl.thisUpdate(),
                Optional.of(crl.nextUpdate()));
    }

    static PublicFile of(CertificateAuthority ca) {
        try {
            return new PublicFile(ca.certificate().getEncoded(), "ca-certificate", PKIX_CERT,
                    "\"" + ca.name() + "-" + ca.certificate().getSerialNumber().toString(16) + "\"",
                    ca.notBefore(), Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes themselves, not a copy: callers only send them. */
    byte[] body() {
        return body;
    }

    /**
     * The bytes in native memory, copied there on first use and shared by every answer after it: the publication
     * listener hands them to the socket without a copy per answer. A read-only view of its own for each caller.
     */
    ByteBuffer directBody() {
        ByteBuffer held = directBody;
        if (held == null) {
            synchronized (this) {
                held = directBody;
                if (held == null) {
                    held = ByteBuffer.allocateDirect(body.length).put(body).flip().asReadOnlyBuffer();
                    directBody = held;
                }
            }
        }
        return held.duplicate();
    }

    /** {@code crl} or {@code ca-certificate}, as the metrics name it. */
    String kind() {
        return kind;
    }

    String contentType() {
        return contentType;
    }

    String etag() {
        return etag;
    }

    /** Whole seconds, as HTTP dates carry them. */
    Instant lastModified() {
        return lastModified;
    }

    String lastModifiedHeader() {
        return lastModifiedHeader;
    }

    Optional<Instant> expires() {
        return expires;
    }
}
