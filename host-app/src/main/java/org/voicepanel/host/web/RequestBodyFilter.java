package org.voicepanel.host.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.voicepanel.host.PanelProperties;
import org.voicepanel.host.ResourceLimits;
import org.voicepanel.host.security.SecurityHeaders;

/**
 * Bounds every request body before anything parses it (README, Configuration; api.md, Errors): a
 * body of any route but the upload larger than {@code panel.limits.body-max-bytes} is 413, a
 * multipart body anywhere but the upload is 415, and every body must keep the pace of
 * {@link BodyPace}. A refused body is not read further; its connection closes after the answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestBodyFilter extends OncePerRequestFilter {

    /** Room for the multipart framing around an upload of the largest size. */
    private static final long MULTIPART_FRAMING = 64 * 1024;

    private final ErrorResponses errors;
    private final ResourceLimits limits;
    private final long uploadMaxBytes;

    RequestBodyFilter(ErrorResponses errors, ResourceLimits limits, PanelProperties panel) {
        this.errors = errors;
        this.limits = limits;
        this.uploadMaxBytes = panel.uploadMaxBytes() + MULTIPART_FRAMING;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BodyPace pace = new BodyPace(limits.bodyGrace(), limits.bodyMinBytesPerSecond());
        pace.attachTo(request);
        boolean upload = UploadRoute.matches(request);
        if (!upload && UploadRoute.isMultipart(request)) {
            refuse(pace, response, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Only the upload route accepts a multipart body.");
            return;
        }
        long maxBytes = upload ? uploadMaxBytes : limits.bodyMaxBytes();
        if (!upload && request.getContentLengthLong() > maxBytes) {
            refuse(pace, response, ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body is larger than the " + maxBytes + " bytes this route accepts.");
            return;
        }
        chain.doFilter(new BoundedRequest(request, maxBytes, pace), response);
    }

    /** Answered before the security filters run, so with their headers from here; the body stays unread. */
    private void refuse(BodyPace pace, HttpServletResponse response, ErrorCode code, String message)
            throws IOException {
        pace.abandon();
        SecurityHeaders.writeTo(response);
        errors.write(response, code, message);
    }
}
