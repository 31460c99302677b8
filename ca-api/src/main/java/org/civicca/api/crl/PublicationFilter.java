package org.civicca.api.crl;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the public files straight from memory before Spring MVC's dispatch: relying parties poll CRLs far more
 * often than anything else is called, and most of those polls are conditional. Runs after the canonical-path,
 * body-size and request-id filters; a path it does not know (an unknown CA, a CA without a CRL yet) or another
 * method goes on to {@link PublicationController}, which answers with the problem.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class PublicationFilter extends OncePerRequestFilter {

    private final PublicFiles files;

    PublicationFilter(PublicFiles files) {
        this.files = files;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        Optional<PublicFile> file = method.equals("GET") || method.equals("HEAD")
                ? files.find(request.getRequestURI().substring(request.getContextPath().length()))
                : Optional.empty();
        if (file.isPresent()) {
            files.send(file.get(), request, response);
        } else {
            chain.doFilter(request, response);
        }
    }
}
