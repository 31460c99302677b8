package org.civicca.api.crl;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.civicca.api.config.CaProperties;
import org.civicca.core.ca.Authorities;
import org.civicca.core.ca.CertificateAuthority;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Finds and sends the public files: {@code /crl/<ca>.crl} (the newest CRL) and {@code /ca/<ca>.crt} (the CA
 * certificate). Answers GET and HEAD with ETag, Last-Modified and a public max-age that never reaches past the
 * CRL's nextUpdate, and conditional requests (If-None-Match first, then If-Modified-Since, as RFC 9110 orders
 * them) with 304.
 */
@Component
class PublicFiles {

    private final CrlCache crls;
    private final Map<String, PublicFile> certificates;
    private final Duration maxAge;
    private final Clock clock;

    PublicFiles(CrlCache crls, Authorities authorities, CaProperties properties, Clock clock) {
        this.crls = crls;
        this.certificates = authorities.all().stream().collect(Collectors.toUnmodifiableMap(CertificateAuthority::name, PublicFile::of));
        this.maxAge = properties.crl().maxAge();
        this.clock = clock;
    }

    /** The file at this exact path, if there is one now. */
    Optional<PublicFile> find(String path) {
        if (path.startsWith("/crl/") && path.endsWith(".crl")) {
            return crls.get(path.substring(5, path.length() - 4)).map(HeldCrl::file);
        }
        if (path.startsWith("/ca/") && path.endsWith(".crt")) {
            return Optional.ofNullable(certificates.get(path.substring(4, path.length() - 4)));
        }
        return Optional.empty();
    }

    /** Sends the file, or 304 Not Modified when {@code notModified} (see {@link #notModified}). */
    void send(PublicFile file, boolean notModified, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.ETAG, file.etag());
        response.setHeader(HttpHeaders.LAST_MODIFIED, file.lastModifiedHeader());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "max-age=" + maxAge(file).toSeconds() + ", public");
        if (notModified) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(file.contentType());
        response.setContentLength(file.body().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(file.body());
        }
    }

    private Duration maxAge(PublicFile file) {
        Instant now = clock.instant();
        return file.expires().map(expires -> Duration.between(now, expires))
                .map(untilNext -> untilNext.isNegative() ? Duration.ZERO : untilNext.compareTo(maxAge) < 0 ? untilNext : maxAge)
                .orElse(maxAge);
    }

    /** Whether the client already holds this file: If-None-Match decides when sent, else If-Modified-Since. */
    static boolean notModified(PublicFile file, HttpServletRequest request) {
        Enumeration<String> tags = request.getHeaders(HttpHeaders.IF_NONE_MATCH);
        if (tags.hasMoreElements()) {
            while (tags.hasMoreElements()) {
                for (String tag : tags.nextElement().split(",")) {
                    String bare = tag.strip();
                    bare = bare.startsWith("W/") ? bare.substring(2) : bare;
                    if (bare.equals("*") || bare.equals(file.etag())) {
                        return true;
                    }
                }
            }
            return false;
        }
        try {
            long since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
            return since >= 0 && file.lastModified().toEpochMilli() <= since;
        } catch (IllegalArgumentException unparseable) {
            return false;
        }
    }
}
