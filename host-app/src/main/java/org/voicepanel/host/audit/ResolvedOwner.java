package org.voicepanel.host.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The owner of the service a route has already read, kept on the request so that the route's audit entry does not
 * read it a second time.
 */
public final class ResolvedOwner {

    private static final String ATTRIBUTE = ResolvedOwner.class.getName();

    private record Owner(long serviceId, long userId) {
    }

    private ResolvedOwner() {
    }

    public static void remember(HttpServletRequest request, long serviceId, long ownerUserId) {
        request.setAttribute(ATTRIBUTE, new Owner(serviceId, ownerUserId));
    }

    /** The owner remembered for this service, if the route read it. */
    static Optional<Long> of(HttpServletRequest request, long serviceId) {
        return request.getAttribute(ATTRIBUTE) instanceof Owner owner && owner.serviceId() == serviceId
                ? Optional.of(owner.userId()) : Optional.empty();
    }
}
