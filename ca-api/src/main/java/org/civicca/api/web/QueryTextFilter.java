package org.civicca.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query whose parameters hold a control character (U+0000 to U+001F, U+007F): no parameter of this API
 * takes one, and PostgreSQL can neither store nor compare U+0000, so such a search would otherwise fail in the
 * database instead of being answered as bad input.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class QueryTextFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    QueryTextFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> refused = parameterWithControlCharacter(request.getQueryString());
        if (refused.isPresent()) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "malformed-request", ApiMessage.QUERY_CONTROL_CHARACTER,
                    refused.get());
            return;
        }
        chain.doFilter(request, response);
    }

    /** The name of the first parameter whose name or value decodes to a control character (or does not decode). */
    static Optional<String> parameterWithControlCharacter(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            try {
                if (hasControlCharacter(URLDecoder.decode(pair, StandardCharsets.UTF_8))) {
                    return Optional.of(printable(URLDecoder.decode(name, StandardCharsets.UTF_8)));
                }
            } catch (IllegalArgumentException e) {
                return Optional.of(printable(name));
            }
        }
        return Optional.empty();
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** The parameter's name as the detail may show it: control characters dropped, at most 64 characters. */
    private static String printable(String name) {
        String shown = name.chars().filter(c -> c >= 0x20 && c != 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return shown.length() > 64 ? shown.substring(0, 64) : shown;
    }
}
