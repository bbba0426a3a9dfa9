package org.voicepanel.host.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.voicepanel.host.account.Caller;
import org.voicepanel.host.account.Role;
import org.voicepanel.host.security.CallerAuthentication;
import org.voicepanel.host.security.PresentedToken;
import org.voicepanel.host.service.ServiceStore;
import org.voicepanel.host.web.Envelope;
import org.voicepanel.host.web.Ids;
import org.voicepanel.host.web.RequestIds;

/**
 * Records every audited action once its answer is decided, whether it succeeded or not: the one
 * place where backup routes and the admin's service changes meet the audit trail. The entry is
 * written after the action, behind the request ({@link AuditWriter}), so a failing write of the log
 * never fails, delays or repeats the action; it is reported in the panel's log instead (never
 * silently dropped).
 *
 * <p>Actions of a caller who may not see the service (an answer of 404 for someone else's
 * service) go to no service's log. Thread-safe: state lives in request attributes.
 */
final class AuditInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditInterceptor.class);
    static final String ANSWER = AuditInterceptor.class.getName() + ".answer";
    private static final String STARTED = AuditInterceptor.class.getName() + ".started";

    private final AuditWriter writer;
    private final ServiceStore services;
    private final Clock clock;

    AuditInterceptor(AuditWriter writer, ServiceStore services, Clock clock) {
        this.writer = writer;
        this.services = services;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod && action(request).isPresent()) {
            request.setAttribute(STARTED, System.nanoTime());
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if (!(request.getAttribute(STARTED) instanceof Long started)) {
            return;
        }
        Optional<Caller> caller = caller();
        Optional<AuditedAction> action = action(request);
        if (caller.isEmpty() || action.isEmpty()) {
            return;
        }
        try {
            entry(request, response, failure, caller.get(), action.get(), started).ifPresent(writer::submit);
        } catch (RuntimeException e) {
            log.error("Request {}: the audit entry for {} by {} could not be written; the action's answer stands",
                    RequestIds.of(request), action.get().wireName(), caller.get().name(), e);
        }
    }

    private Optional<AuditEntry> entry(HttpServletRequest request, HttpServletResponse response, Exception failure,
                                       Caller caller, AuditedAction action, long started) {
        Envelope answer = request.getAttribute(ANSWER) instanceof Envelope envelope ? envelope : null;
        boolean succeeded = failure == null && response.getStatus() < 400
                && (answer == null || "success".equals(answer.status()));
        String errorCode = succeeded ? null : answer != null && answer.code() != null ? answer.code() : "INTERNAL";
        Map<String, String> path = pathVariables(request);
        Optional<Long> serviceId = id(path.get("id")).or(() -> AnswerData.serviceId(answer));
        if (serviceId.isEmpty() || !visibleTo(request, caller, serviceId.get(), action)) {
            return Optional.empty();
        }
        Long snapshotId = id(path.get("snapshot")).or(() -> AnswerData.snapshotId(answer)).orElse(null);
        Object detail = action == AuditedAction.SERVICE_STATUS ? AnswerData.status(answer).orElse(null) : snapshotId;
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        return Optional.of(new AuditEntry(0, clock.instant(), serviceId.get(), caller.userId(), caller.name(),
                action.category(), action.wireName(), action.message(succeeded, errorCode, detail),
                succeeded ? "success" : "error", errorCode, response.getStatus(), snapshotId,
                clientAddress(request), PresentedToken.isPresent(request) ? "token" : "session", durationMs));
    }

    private boolean visibleTo(HttpServletRequest request, Caller caller, long serviceId, AuditedAction action) {
        if (caller.has(Role.ADMIN)) {
            return true;
        }
        return !action.isAdminChange() && ResolvedOwner.of(request, serviceId).or(() -> services.ownerOf(serviceId))
                .filter(owner -> owner == caller.userId()).isPresent();
    }

    private static Optional<AuditedAction> action(HttpServletRequest request) {
        return request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern
                ? AuditedAction.of(request.getMethod(), pattern) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }

    private static Optional<Long> id(String raw) {
        try {
            return raw == null ? Optional.empty() : Optional.of(Ids.parse(raw, "id"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Caller> caller() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication
                ? Optional.of(authentication.getPrincipal()) : Optional.empty();
    }

    private static String clientAddress(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address == null ? "" : address.length() > 64 ? address.substring(0, 64) : address;
    }
}
