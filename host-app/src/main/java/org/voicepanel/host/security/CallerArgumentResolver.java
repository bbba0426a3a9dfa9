package org.voicepanel.host.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.voicepanel.host.account.Caller;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.ErrorCode;

/** Gives a route its {@link Caller}, or answers 401 when the request is not authenticated. */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication callerAuthentication) {
            if (callerAuthentication.unprovenTokenHash().isPresent()) {
                throw new IllegalStateException("A remembered token reached a route unproven: the rate limit's"
                        + " interceptor proves it before any route runs");
            }
            return callerAuthentication.getPrincipal();
        }
        throw new ApiException(ErrorCode.UNAUTHENTICATED,
                "An access token is required (access_token parameter or Authorization: Bearer header).");
    }
}
