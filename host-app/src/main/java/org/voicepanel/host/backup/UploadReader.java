package org.voicepanel.host.backup;

import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import org.springframework.stereotype.Component;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.SnapshotFileSealer;
import org.voicepanel.host.PanelProperties;
import org.voicepanel.host.snapshotfile.SealedFileHeader;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.UploadLimit;
import org.voicepanel.host.web.ErrorCode;

/**
 * Turns an upload body (raw bytes, base64 text, a download's JSON answer, or a multipart {@code file} part) into a payload
 * a provider may see: spooled to disk within the size limit, and, for a file of this panel, its
 * seal checked and removed. Nothing is held whole in memory. Called only once the caller, the
 * service and its lock are settled, so that nothing is spooled for a request that is refused.
 */
@Component
class UploadReader {

    private final SnapshotFileSealer sealer;
    private final long maxBytes;
    private final UploadLimit limit;

    UploadReader(SnapshotFileSealer sealer, PanelProperties panel, UploadLimit limit) {
        this.limit = limit;
        this.sealer = sealer;
        this.maxBytes = panel.uploadMaxBytes();
    }

    SpooledUpload read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = new BufferedInputStream(new LimitedStream(bodyOf(request)), 64 * 1024)) {
            in.mark(SealedFileHeader.MAGIC_LENGTH);
            byte[] first = in.readNBytes(SealedFileHeader.MAGIC_LENGTH);
            in.reset();
            if (SealedFileHeader.looksSealed(first)) {
                // a file of this panel is opened as it arrives: only its payload is spooled, never the file too
                return unseal(in);
            }
            Path body = Files.createTempFile("upload-", ".body");
            try {
                Files.copy(in, body, StandardCopyOption.REPLACE_EXISTING);
                return decode(body);
            } finally {
                Files.deleteIfExists(body);
            }
        }
    }

    private InputStream bodyOf(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("multipart/")) {
            return MultipartFilePart.open(request, maxBytes);
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
        if (isBase64Text(body) && decodedStartsSealed(body)) {
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
        // (moved, not copied: one upload never has two copies of itself on disk)
        Path payload = Files.createTempFile("upload-", ".payload");
        Files.move(body, payload, StandardCopyOption.REPLACE_EXISTING);
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
        try (InputStream in = Files.newInputStream(sealed)) {
            return unseal(in);
        }
    }

    private SpooledUpload unseal(InputStream in) throws IOException {
        SpooledUpload payload = new SpooledUpload(Files.createTempFile("upload-", ".payload"), false);
        try (OutputStream out = payload.write()) {
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

    /**
     * Only the first bytes are decoded to tell: a plain snapshot is base64 letters too, and is not decoded whole
     * (a second copy of the upload on disk). Text that fails this early is decoded whole, to say where it breaks.
     */
    private static boolean decodedStartsSealed(Path base64) throws IOException {
        try (InputStream in = Base64.getMimeDecoder().wrap(Files.newInputStream(base64))) {
            return SealedFileHeader.looksSealed(in.readNBytes(SealedFileHeader.MAGIC_LENGTH));
        } catch (IOException | IllegalArgumentException e) {
            return true;
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

    /** The body up to the size limit; one byte more is a 413. */
    private final class LimitedStream extends java.io.FilterInputStream {

        private long total;

        LimitedStream(InputStream body) {
            super(body);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(0, n));
            return n;
        }

        private void count(int n) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge();
            }
        }
    }

    private ApiException tooLarge() {
        return limit.exceeded();
    }

    private static BackupException invalid(String message) {
        return new BackupException(BackupException.Reason.SNAPSHOT_FILE_INVALID, message);
    }
}
