package org.civicca.api.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.civicca.api.web.ApiMessage;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces {@link Permit} on every handler of this service before it runs, whatever its path: a handler needs
 * {@link Permit} or {@link PublicEndpoint}, else it is refused. Refusals are logged and answered 403.
 */
@Component
public class PermitInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(PermitInterceptor.class);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getPackageName().startsWith("org.civicca.")
                || method.getBeanType().isAnnotationPresent(PublicEndpoint.class)) {
            return true;
        }
        Actor actor = (Actor) request.getAttribute(Actor.REQUEST_ATTRIBUTE);
        Permit permit = method.getMethodAnnotation(Permit.class);
        if (permit == null) {
            permit = method.getBeanType().getAnnotation(Permit.class);
        }
        if (actor == null || permit == null || Arrays.stream(permit.value()).noneMatch(role -> role == actor.role())) {
            log.warn("Refused {} {} to account {} ({})", request.getMethod(), request.getRequestURI(),
                    actor == null ? "-" : actor.name(), actor == null ? "-" : actor.role());
            throw actor == null ? new CaException(ErrorCode.FORBIDDEN, null, ApiMessage.CALLER_MAY_NOT)
                    : new CaException(ErrorCode.FORBIDDEN, null, ApiMessage.ROLE_MAY_NOT, actor.role());
        }
        return true;
    }
}
