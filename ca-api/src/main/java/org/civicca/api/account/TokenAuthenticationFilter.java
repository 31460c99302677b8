package org.civicca.api.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.civicca.api.audit.AuditLog;
import org.civicca.api.web.ApiMessage;
import org.civicca.api.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Every call needs {@code Authorization: Bearer <token>} except the few public paths relying parties and operators
 * use without credentials (CRLs, CA certificates, the API description, health). Deny by default: a new endpoint is
 * protected unless it is added to the public list on purpose. Runs after {@code CanonicalPathFilter}, so the path it
 * reads is the one Spring MVC dispatches on.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TokenAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TokenAuthenticationFilter.class);

    private final TokenAuthenticator authenticator;
    private final RateLimits limits;
    private final AuditLog audit;
    private final ProblemWriter problems;

    TokenAuthenticationFilter(TokenAuthenticator authenticator, RateLimits limits, AuditLog audit, ProblemWriter problems) {
        this.authenticator = authenticator;
        this.limits = limits;
        this.audit = audit;
        this.problems = problems;
    }

    private static final List<String> PUBLIC_PREFIXES = List.of("/crl/", "/ca/", "/v3/api-docs", "/swagger-ui", "/actuator/health",
            "/error");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        return path.equals("/swagger-ui.html") || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        OptionalLong blocked = limits.addressBlocked(address);
        if (blocked.isPresent()) {
            tooMany(request, response, blocked.getAsLong(), ApiMessage.ADDRESS_THROTTLED);
            return;
        }
        Optional<String> secret = bearer(request);
        Optional<Actor> actor = secret.flatMap(authenticator::authenticate);
        if (actor.isEmpty()) {
            limits.failedAuthentication(address);
            audit.recordRefusal(request, "-", "authentication.failed", request.getMethod() + (secret.isPresent()
                    ? "; an unknown, expired or revoked token" : "; no bearer token"));
            log.warn("Refused unauthenticated {} {} from {}", request.getMethod(), request.getRequestURI(), address);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"civicca\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", ApiMessage.AUTHENTICATION_REQUIRED);
            return;
        }
        OptionalLong throttled = limits.tokenRequest(actor.get().tokenId());
        if (throttled.isPresent()) {
            tooMany(request, response, throttled.getAsLong(), ApiMessage.TOKEN_THROTTLED);
            return;
        }
        request.setAttribute(Actor.REQUEST_ATTRIBUTE, actor.get());
        chain.doFilter(request, response);
    }

    private void tooMany(HttpServletRequest request, HttpServletResponse response, long seconds, ApiMessage detail)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", detail);
    }

    private static Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim());
    }
}
