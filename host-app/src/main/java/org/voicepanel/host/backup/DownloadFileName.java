package org.voicepanel.host.backup;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;

/**
 * The {@code Content-Disposition} of a download, from the file name a plugin suggests, whatever it is:
 * only its last path segment, without control characters (a line break would end the header), at
 * most {@link #MAX_LENGTH} characters; Spring's {@link ContentDisposition} quotes and encodes it
 * ({@code filename} and, for any non-ASCII name, {@code filename*}).
 */
final class DownloadFileName {

    static final int MAX_LENGTH = 128;
    static final String FALLBACK = "snapshot";

    private DownloadFileName() {
    }

    static String contentDisposition(String suggested) {
        return ContentDisposition.attachment().filename(safe(suggested), StandardCharsets.UTF_8).build().toString();
    }

    static String safe(String suggested) {
        String name = suggested == null ? "" : suggested;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .limit(MAX_LENGTH).forEach(kept::appendCodePoint);
        String cleaned = kept.toString().strip();
        while (cleaned.startsWith(".")) {
            cleaned = cleaned.substring(1);
        }
        return cleaned.isBlank() ? FALLBACK : cleaned;
    }
}
