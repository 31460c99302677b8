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
 * Serves the public files straight from memory ahead of every other filter and of Spring MVC: relying parties poll
 * CRLs far more often than anything else is called, and most of those polls are conditional. It answers only GET and
 * HEAD on an exact path it knows ({@code /crl/<ca>.crl} of a CA with a CRL, {@code /ca/<ca>.crt}), so a path spelled
 * any other way (encoded, with parameters or dot segments) goes on to the canonical-path filter like any other; so
 * do unknown CAs and CAs without a CRL yet, which {@link PublicationController} answers with the problem.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
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
            boolean held = PublicFiles.notModified(file.get(), request);
            files.count(file.get(), held);
            files.send(file.get(), held, request, response);
        } else {
            chain.doFilter(request, response);
        }
    }
}
