package org.civicca.api.web;

import java.util.Locale;
import org.civicca.core.message.Messages;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The catalogue's detail for an error Spring MVC raises itself (wrong method, media type, parameter, path). */
final class FrameworkDetails {

    private FrameworkDetails() {
    }

    static String of(Exception e, HttpStatusCode status, Locale language) {
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            return Messages.format(language, ApiMessage.METHOD_NOT_ALLOWED, method.getMethod());
        }
        if (e instanceof HttpMediaTypeNotSupportedException media) {
            return Messages.format(language, ApiMessage.UNSUPPORTED_MEDIA_TYPE, media.getContentType() == null ? "-" : media.getContentType());
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return Messages.format(language, ApiMessage.NOT_ACCEPTABLE);
        }
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException || status.value() == 404) {
            return Messages.format(language, ApiMessage.NOTHING_AT_PATH);
        }
        if (e instanceof MissingServletRequestParameterException missing) {
            return Messages.format(language, ApiMessage.PARAMETER_REQUIRED, missing.getParameterName());
        }
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            return Messages.format(language, ApiMessage.PARAMETER_WRONG_TYPE, mismatch.getName());
        }
        if (e instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
            return Messages.format(language, ApiMessage.PARAMETER_WRONG_TYPE, mismatch.getPropertyName());
        }
        return Messages.format(language, ApiMessage.REQUEST_NOT_SERVED, status.value());
    }
}
