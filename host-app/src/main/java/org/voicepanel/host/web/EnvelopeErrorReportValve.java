package org.voicepanel.host.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;
import org.voicepanel.host.security.SecurityHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error page, replaced: a request Tomcat refuses before any filter runs ({@code %2F},
 * {@code %5C}, {@code %00} or a broken escape in the path, headers over the size limit) is answered
 * in the contract's envelope with the security headers, not with Tomcat's HTML page (api.md, Errors).
 * Answers that already have a body (every route's and filter's) are left alone.
 */
final class EnvelopeErrorReportValve extends ErrorReportValve {

    private final JsonMapper json;

    private EnvelopeErrorReportValve(JsonMapper json) {
        this.json = json;
    }

    /** Puts this valve where the host's error report valve would go, in place of any other. */
    static void install(Host host, JsonMapper json) {
        EnvelopeErrorReportValve valve = new EnvelopeErrorReportValve(json);
        if (host instanceof StandardHost standard) {
            // the host then finds this valve in place at start and adds no other
            standard.setErrorReportValveClass(EnvelopeErrorReportValve.class.getName());
        }
        host.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                for (Valve other : host.getPipeline().getValves()) {
                    if (other instanceof ErrorReportValve && other != valve) {
                        host.getPipeline().removeValve(other);
                    }
                }
                host.getPipeline().addValve(valve);
            }
        });
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ApiException error = StatusErrors.of(status);
        Envelope envelope = error != null ? Envelope.error(error.code(), error.getMessage())
                : Envelope.error(ErrorCode.INTERNAL, "Something went wrong on the panel.");
        try {
            SecurityHeaders.writeTo(response);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(envelope));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the answer was started elsewhere: nothing more to say
        }
    }
}
