package org.voicepanel.host.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.voicepanel.host.ResourceLimits;

/**
 * What happens to the body a request did not read (a 401, 413 or 428 answered before it): Tomcat
 * would read it to its end after the answer, at whatever pace the client likes. Here the answer
 * goes out first; then the rest is read only while it is small (the connector's max swallow size)
 * and keeps the pace of {@link BodyPace}. Otherwise, and for a body the panel abandoned, the
 * connection is closed instead, freeing the worker thread.
 */
final class UnreadBodyValve extends ValveBase {

    private final ResourceLimits limits;

    UnreadBodyValve(ResourceLimits limits) {
        super(true);
        this.limits = limits;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (request.isAsync()) {
            return;
        }
        BodyPace pace = BodyPace.of(request);
        if (pace != null && pace.abandoned()) {
            closeUnread(request);
            return;
        }
        InputStream body = request.getStream();
        if (!(body instanceof ServletInputStream stream) || stream.isFinished()) {
            return;
        }
        drain(request, response, body, pace != null ? pace
                : new BodyPace(limits.bodyGrace(), limits.bodyMinBytesPerSecond()));
    }

    private void drain(Request request, Response response, InputStream body, BodyPace pace) {
        long limit = request.getConnector().getProtocolHandler() instanceof AbstractHttp11Protocol<?> http
                ? http.getMaxSwallowSize() : 0;
        byte[] buffer = new byte[8192];
        long drained = 0;
        try {
            response.flushBuffer();
            for (int n; (n = body.read(buffer)) != -1; ) {
                drained += n;
                if (limit >= 0 && drained > limit || pace.tooSlow(drained)) {
                    closeUnread(request);
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            closeUnread(request);
        }
    }

    private static void closeUnread(Request request) {
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
    }
}
