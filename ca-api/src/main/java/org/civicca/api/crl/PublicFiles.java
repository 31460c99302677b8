package org.civicca.api.crl;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
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
 * them) with 304. Every answer is counted in {@code civicca.public.files} (by file kind and outcome), whichever
 * listener sent it: these answers skip the HTTP server metrics.
 */
@Component
class PublicFiles {

    private final CrlCache crls;
    private final Map<String, PublicFile> certificates;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Counter> sent;
    private final Map<String, Counter> notModified;

    PublicFiles(CrlCache crls, Authorities authorities, CaProperties properties, Clock clock, MeterRegistry meters) {
        this.crls = crls;
        this.certificates = authorities.all().stream().collect(Collectors.toUnmodifiableMap(CertificateAuthority::name, PublicFile::of));
        this.maxAge = properties.crl().maxAge();
        this.clock = clock;
        this.sent = counters(meters, "sent");
        this.notModified = counters(meters, "not-modified");
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

    /** Counts an answer about to leave: counted first, so a client that has it can already see it counted. */
    void count(PublicFile file, boolean notModified) {
        (notModified ? this.notModified : sent).get(file.kind()).increment();
    }

    /** Sends the file, or 304 Not Modified when {@code notModified} (see {@link #notModified}). */
    void send(PublicFile file, boolean notModified, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.ETAG, file.etag());
        response.setHeader(HttpHeaders.LAST_MODIFIED, file.lastModifiedHeader());
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl(file));
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

    /** The Cache-Control value of an answer with this file: public, for the max-age below. */
    String cacheControl(PublicFile file) {
        return "max-age=" + maxAge(file).toSeconds() + ", public";
    }

    /** The configured max-age, cut to what is left before the file's expiry (a CRL's nextUpdate), never negative. */
    private Duration maxAge(PublicFile file) {
        Duration left = file.expires().map(expires -> Duration.between(clock.instant(), expires)).orElse(maxAge);
        return left.isNegative() ? Duration.ZERO : left.compareTo(maxAge) < 0 ? left : maxAge;
    }

    /** Whether the client already holds this file: If-None-Match decides when sent, else If-Modified-Since. */
    static boolean notModified(PublicFile file, HttpServletRequest request) {
        return notModified(file, Collections.list(request.getHeaders(HttpHeaders.IF_NONE_MATCH)), () -> {
            try {
                return request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
            } catch (IllegalArgumentException unparseable) {
                return -1;
            }
        });
    }

    /**
     * The same decision from the If-None-Match values and the If-Modified-Since date (epoch milliseconds, -1 when
     * absent or unparseable, asked only when there is no If-None-Match).
     */
    static boolean notModified(PublicFile file, List<String> ifNoneMatch, LongSupplier ifModifiedSince) {
        if (!ifNoneMatch.isEmpty()) {
            for (String header : ifNoneMatch) {
                for (String listed : header.split(",")) {
                    String tag = listed.strip();
                    tag = tag.startsWith("W/") ? tag.substring(2) : tag;
                    if (tag.equals("*") || tag.equals(file.etag())) {
                        return true;
                    }
                }
            }
            return false;
        }
        long since = ifModifiedSince.getAsLong();
        return since >= 0 && file.lastModified().toEpochMilli() <= since;
    }

    private static Map<String, Counter> counters(MeterRegistry meters, String outcome) {
        Function<String, Counter> counter = kind -> Counter.builder("civicca.public.files").description("CRLs and CA certificates served")
                .tag("kind", kind).tag("outcome", outcome).register(meters);
        return Map.of("crl", counter.apply("crl"), "ca-certificate", counter.apply("ca-certificate"));
    }
}
