package org.voicepanel.host.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.voicepanel.api.BackupException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON answer of a snapshot download, {@code {"status":"success","data":{"snapshot":"<base64>"}}},
 * as {@code curl} saves it: the base64 of {@code data.snapshot} is decoded straight to a file, so a
 * large snapshot is never one string in memory.
 */
final class DownloadAnswer {

    private static final JsonFactory JSON = new JsonFactory();
    static final String EXPECTED = "Expected a snapshot file of this panel: the file a download returns, its base64"
            + " text, or the download's JSON answer {\"status\":\"success\",\"data\":{\"snapshot\":\"...\"}}.";

    private DownloadAnswer() {
    }

    /** Whether the upload looks like JSON: its first character that is not white space is an opening brace. */
    static boolean looksLikeJson(Path body) throws IOException {
        try (InputStream in = Files.newInputStream(body)) {
            for (int c; (c = in.read()) != -1; ) {
                if (!Character.isWhitespace(c)) {
                    return c == '{';
                }
            }
            return false;
        }
    }

    /** Writes the decoded {@code data.snapshot} of the JSON in {@code body} to {@code target}. */
    static void decode(Path body, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(body);
             JsonParser json = JSON.createParser(ObjectReadContext.empty(), in);
             OutputStream out = Files.newOutputStream(target)) {
            if (json.nextToken() != JsonToken.START_OBJECT || !toProperty(json, "data")
                    || json.nextToken() != JsonToken.START_OBJECT || !toProperty(json, "snapshot")
                    || json.nextToken() != JsonToken.VALUE_STRING) {
                throw invalid("The uploaded JSON has no data.snapshot. " + EXPECTED);
            }
            json.readBinaryValue(out);
        } catch (JacksonException e) {
            throw invalid("The uploaded JSON cannot be read, or its data.snapshot is not valid base64. " + EXPECTED);
        }
    }

    /** Moves to the named property of the current object, skipping the others; false at the object's end. */
    private static boolean toProperty(JsonParser json, String name) {
        while (json.nextToken() == JsonToken.PROPERTY_NAME) {
            if (name.equals(json.currentName())) {
                return true;
            }
            json.nextToken();
            json.skipChildren();
        }
        return false;
    }

    static BackupException invalid(String message) {
        return new BackupException(BackupException.Reason.SNAPSHOT_FILE_INVALID, message);
    }
}
