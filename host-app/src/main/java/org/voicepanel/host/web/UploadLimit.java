package org.voicepanel.host.web;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.voicepanel.host.PanelProperties;

/** The one 413 answer, naming the limit ({@code panel.upload-max-bytes}) wherever an upload is refused for its size. */
@Component
public class UploadLimit {

    private static final long KIB = 1024;
    private static final long MIB = KIB * KIB;

    private final long maxBytes;

    @Autowired
    public UploadLimit(PanelProperties panel) {
        this(panel.uploadMaxBytes());
    }

    UploadLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public ApiException exceeded() {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
                "The upload is larger than this panel accepts: at most " + describe(maxBytes) + ".");
    }

    /** 64 MiB, 512 KiB, or the exact bytes when neither is whole. */
    static String describe(long bytes) {
        if (bytes >= MIB && bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        if (bytes >= KIB && bytes % KIB == 0) {
            return bytes / KIB + " KiB";
        }
        return bytes + " bytes";
    }
}
