package org.civicca.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Refuses any request whose path is not already in canonical form: percent-encoded characters, {@code ;}
 * parameters, {@code .}/{@code ..} segments or doubled slashes. Every path of this service is plain ASCII, and a
 * path that means the same as another but is spelled differently is how access rules are slipped past.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CanonicalPathFilter extends OncePerRequestFilter {

    private static final Pattern DOT_SEGMENT = Pattern.compile(".*/\\.{1,2}(/.*)?");

    private final ProblemWriter problems;

    CanonicalPathFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String raw = request.getRequestURI();
        if (!raw.equals(request.getContextPath() + canonical(request)) || raw.contains("//") || DOT_SEGMENT.matcher(raw).matches()) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "malformed-request", ApiMessage.PATH_NOT_PLAIN);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The path as Spring MVC matches it: decoded, without ';' parameters. */
    static String canonical(HttpServletRequest request) {
        return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
    }
}
