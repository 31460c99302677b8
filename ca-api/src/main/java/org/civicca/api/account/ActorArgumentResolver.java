package org.civicca.api.account;

import org.civicca.api.web.ApiMessage;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands controllers the authenticated {@link Actor} as a method parameter. */
@Component
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Actor.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        Object actor = request.getAttribute(Actor.REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (actor == null) {
            throw new CaException(ErrorCode.UNAUTHENTICATED, null, ApiMessage.AUTHENTICATION_REQUIRED);
        }
        return actor;
    }
}
