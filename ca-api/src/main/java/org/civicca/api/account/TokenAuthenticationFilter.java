package org.civicca.api.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.civicca.api.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Every call under {@code /api/} needs {@code Authorization: Bearer <token>}; the public CRL paths need nothing. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TokenAuthenticationFilter extends OncePerRequestFilter {

    static final String ACTOR_ATTRIBUTE = TokenAuthenticationFilter.class.getName() + ".actor";
    private static final Logger log = LoggerFactory.getLogger(TokenAuthenticationFilter.class);

    private final TokenAuthenticator authenticator;
    private final RateLimits limits;
    private final ProblemWriter problems;

    TokenAuthenticationFilter(TokenAuthenticator authenticator, RateLimits limits, ProblemWriter problems) {
        this.authenticator = authenticator;
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        OptionalLong blocked = limits.addressBlocked(address);
        if (blocked.isPresent()) {
            tooMany(request, response, blocked.getAsLong(), "too many failed authentications from this address; retry later");
            return;
        }
        Optional<Actor> actor = bearer(request).flatMap(authenticator::authenticate);
        if (actor.isEmpty()) {
            limits.failedAuthentication(address);
            log.warn("Refused unauthenticated {} {} from {}", request.getMethod(), request.getRequestURI(), address);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"civicca\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized",
                    "a valid bearer token is required (Authorization: Bearer <token>)");
            return;
        }
        OptionalLong throttled = limits.tokenRequest(actor.get().tokenId());
        if (throttled.isPresent()) {
            tooMany(request, response, throttled.getAsLong(), "this token's request rate is exceeded; retry later");
            return;
        }
        request.setAttribute(ACTOR_ATTRIBUTE, actor.get());
        chain.doFilter(request, response);
    }

    private void tooMany(HttpServletRequest request, HttpServletResponse response, long seconds, String detail) throws IOException {
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
