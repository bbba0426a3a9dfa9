package org.voicepanel.host.backup;

import jakarta.servlet.http.HttpServletRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.MultipartStream;
import org.apache.tomcat.util.http.fileupload.impl.FileUploadIOException;
import org.apache.tomcat.util.http.fileupload.servlet.ServletRequestContext;
import org.voicepanel.host.web.ApiException;

/**
 * The {@code file} part of a multipart upload, read straight from the request body as it arrives,
 * with the container's own multipart parser (Tomcat's copy of Apache Commons FileUpload) in its
 * streaming mode: nothing is parsed or written to disk before the route's checks, and parts before
 * the file are skipped, at most {@link #MAX_PARTS} of them, each with small headers.
 */
final class MultipartFilePart {

    static final int MAX_PARTS = 8;
    static final int MAX_PART_HEADER_BYTES = 512;
    /** Room for the framing and the other small parts around the file. */
    private static final long FRAMING_BYTES = 64 * 1024;

    private MultipartFilePart() {
    }

    static InputStream open(HttpServletRequest request, long maxFileBytes) throws IOException {
        FileUpload parser = new FileUpload();
        parser.setSizeMax(maxFileBytes + FRAMING_BYTES);
        parser.setFileSizeMax(maxFileBytes + 1);
        parser.setPartHeaderSizeMax(MAX_PART_HEADER_BYTES);
        try {
            FileItemIterator parts = parser.getItemIterator(new ServletRequestContext(request));
            for (int seen = 0; parts.hasNext(); ) {
                if (++seen > MAX_PARTS) {
                    throw ApiException.badRequest("The multipart upload has more than " + MAX_PARTS + " parts.");
                }
                FileItemStream part = parts.next();
                if ("file".equals(part.getFieldName())) {
                    return new Malformed(part.openStream());
                }
            }
        } catch (FileUploadException | MultipartStream.MalformedStreamException | FileUploadIOException e) {
            throw unreadable();
        }
        throw ApiException.badRequest("The multipart upload has no part named file.");
    }

    private static ApiException unreadable() {
        return ApiException.badRequest("The multipart upload cannot be read.");
    }

    /** A part cut short or broken while it is read is the upload's fault: a 400, not a failure of the panel. */
    private static final class Malformed extends FilterInputStream {

        Malformed(InputStream part) {
            super(part);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (MultipartStream.MalformedStreamException | FileUploadIOException e) {
                throw unreadable();
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (MultipartStream.MalformedStreamException | FileUploadIOException e) {
                throw unreadable();
            }
        }
    }
}
