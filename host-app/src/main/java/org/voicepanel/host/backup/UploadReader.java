package org.voicepanel.host.backup;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.springframework.stereotype.Component;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.SnapshotFileSealer;
import org.voicepanel.host.PanelProperties;
import org.voicepanel.host.snapshotfile.SealedFileHeader;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.ErrorCode;

/**
 * Turns an upload body (raw bytes, base64 text, a download's JSON answer, or a multipart {@code file}
 * part) into a payload a provider may see: spooled to disk within the size limit, and, for a file
 * of this panel, its seal checked and removed. Nothing is held whole in memory.
 */
@Component
class UploadReader {

    private final SnapshotFileSealer sealer;
    private final long maxBytes;

    UploadReader(SnapshotFileSealer sealer, PanelProperties panel) {
        this.sealer = sealer;
        this.maxBytes = panel.uploadMaxBytes();
    }

    SpooledUpload read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        Path body = Files.createTempFile("upload-", ".body");
        try {
            try (InputStream in = bodyOf(request)) {
                copyWithin(in, body);
            }
            return decode(body);
        } finally {
            Files.deleteIfExists(body);
        }
    }

    private InputStream bodyOf(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("multipart/")) {
            try {
                Part part = request.getPart("file");
                if (part == null) {
                    throw ApiException.badRequest("The multipart upload has no part named file.");
                }
                return part.getInputStream();
            } catch (ServletException e) {
                throw ApiException.badRequest("The multipart upload cannot be read.");
            }
        }
        return request.getInputStream();
    }

    private SpooledUpload decode(Path body) throws IOException {
        if (Files.size(body) == 0) {
            throw invalid("The upload is empty.");
        }
        if (startsSealed(body)) {
            return unseal(body);
        }
        if (DownloadAnswer.looksLikeJson(body)) {
            return fromDownloadAnswer(body);
        }
        if (isBase64Text(body)) {
            Path decoded = Files.createTempFile("upload-", ".decoded");
            try {
                try (InputStream in = Base64.getMimeDecoder().wrap(Files.newInputStream(body));
                     OutputStream out = Files.newOutputStream(decoded)) {
                    copyDecoded(in, out);
                }
                if (startsSealed(decoded)) {
                    return unseal(decoded);
                }
            } finally {
                Files.deleteIfExists(decoded);
            }
        }
        // not a file of this panel: the provider decides whether it takes external snapshots
        Path payload = Files.createTempFile("upload-", ".payload");
        Files.copy(body, payload, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new SpooledUpload(payload, true);
    }

    private SpooledUpload fromDownloadAnswer(Path body) throws IOException {
        Path decoded = Files.createTempFile("upload-", ".decoded");
        try {
            DownloadAnswer.decode(body, decoded);
            if (!startsSealed(decoded)) {
                throw invalid("The data.snapshot of the uploaded JSON is not a snapshot file of this panel. "
                        + DownloadAnswer.EXPECTED);
            }
            return unseal(decoded);
        } finally {
            Files.deleteIfExists(decoded);
        }
    }

    private SpooledUpload unseal(Path sealed) throws IOException {
        SpooledUpload payload = new SpooledUpload(Files.createTempFile("upload-", ".payload"), false);
        try (InputStream in = Files.newInputStream(sealed); OutputStream out = payload.write()) {
            sealer.unseal(in, out);
            return payload;
        } catch (IOException | RuntimeException e) {
            payload.close();
            throw e;
        }
    }

    /**
     * The decoder reports bad base64 (a dangling byte, padding in the middle) as an IOException
     * while it reads: that is the upload's fault, a 422, not a failure of the panel.
     */
    private static void copyDecoded(InputStream base64, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            int n;
            try {
                n = base64.read(buffer);
            } catch (IOException | IllegalArgumentException e) {
                throw invalid("The upload is not valid base64.");
            }
            if (n < 0) {
                return;
            }
            out.write(buffer, 0, n);
        }
    }

    private static boolean startsSealed(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return SealedFileHeader.looksSealed(in.readNBytes(SealedFileHeader.MAGIC_LENGTH));
        }
    }

    private static boolean isBase64Text(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            for (int c; (c = in.read()) != -1; ) {
                boolean base64 = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                        || c == '+' || c == '/' || c == '=' || c == '\r' || c == '\n' || c == ' ' || c == '\t';
                if (!base64) {
                    return false;
                }
            }
            return true;
        }
    }

    private void copyWithin(InputStream in, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private ApiException tooLarge() {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
                "The upload is larger than this panel accepts (" + maxBytes + " bytes).");
    }

    private static BackupException invalid(String message) {
        return new BackupException(BackupException.Reason.SNAPSHOT_FILE_INVALID, message);
    }
}
