package org.civicca.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.civicca.core.message.Messages;
import org.springframework.http.HttpHeaders;

/** The language a client reads its error details in: Vietnamese when its {@code Accept-Language} prefers it, else English. */
public final class ClientLanguage {

    private ClientLanguage() {
    }

    public static Locale of(HttpServletRequest request) {
        return of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** From the value of an {@code Accept-Language} header, absent as null. */
    public static Locale of(String acceptLanguage) {
        return Messages.fromAcceptLanguage(acceptLanguage);
    }
}
