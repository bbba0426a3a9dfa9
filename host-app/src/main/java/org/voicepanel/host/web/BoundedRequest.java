package org.voicepanel.host.web;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request whose body is read only through a {@link BoundedBodyStream}, and whose parameters come
 * from the query string alone: a filter asking for a parameter (the CSRF check asks for
 * {@code _csrf}) must never make the container parse a form or a multipart body, which it would do
 * before any route or role check.
 */
final class BoundedRequest extends HttpServletRequestWrapper {

    private final long maxBytes;
    private final BodyPace pace;
    private ServletInputStream stream;
    private BufferedReader reader;
    private Map<String, String[]> parameters;

    BoundedRequest(HttpServletRequest request, long maxBytes, BodyPace pace) {
        super(request);
        this.maxBytes = maxBytes;
        this.pace = pace;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (reader != null) {
            throw new IllegalStateException("getReader() was called already");
        }
        if (stream == null) {
            stream = new BoundedBodyStream(super.getInputStream(), maxBytes, pace);
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset(getCharacterEncoding())));
        }
        return reader;
    }

    /** The declared charset, or UTF-8 (api.md, Conventions) when it is none or one this JVM does not know. */
    private static Charset charset(String encoding) {
        try {
            return encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    @Override
    public String getParameter(String name) {
        String[] values = getParameterMap().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = getParameterMap().get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        if (parameters == null) {
            parameters = Collections.unmodifiableMap(queryParameters(getQueryString()));
        }
        return parameters;
    }

    private static Map<String, String[]> queryParameters(String query) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decoded(pair.substring(equals + 1));
                found.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        found.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        return parameters;
    }

    /** A broken escape such as {@code %ZZ} is kept as sent rather than failing the request. */
    private static String decoded(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
