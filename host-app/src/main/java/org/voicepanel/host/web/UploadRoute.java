package org.voicepanel.host.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/** The one route whose body may be large or multipart: {@code POST /services/{id}/voiceservers/backup/upload}. */
public final class UploadRoute {

    private static final Pattern PATH = Pattern.compile("/services/[^/]+/voiceservers/backup/upload/?");

    private UploadRoute() {
    }

    public static boolean matches(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && PATH.matcher(path).matches();
    }

    public static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }
}
