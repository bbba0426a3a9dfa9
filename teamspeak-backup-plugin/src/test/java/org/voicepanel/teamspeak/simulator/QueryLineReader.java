package org.voicepanel.teamspeak.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits client input into lines at {@code \n} and drops every {@code \r}, so {@code \n}, {@code \r\n} and
 * {@code \n\r} all work (docs/teamspeak.md 1.2). Lines may be many megabytes (a snapshot deploy), up to a cap
 * that only guards the test JVM's heap. Not thread-safe; one per connection.
 */
final class QueryLineReader {

    static final int MAX_LINE_BYTES = 256 * 1024 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;

    QueryLineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without terminator, or {@code null} at end of stream (a partial last line is dropped). */
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        while (true) {
            if (position == limit && !fill()) {
                return null;
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            appendWithoutCarriageReturns(line, start, position);
            if (line.size() > MAX_LINE_BYTES) {
                throw new IOException("line longer than " + MAX_LINE_BYTES + " bytes");
            }
            if (position < limit) {
                position++;
                return line.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer);
        if (read < 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    private void appendWithoutCarriageReturns(ByteArrayOutputStream line, int from, int to) {
        int runStart = from;
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\r') {
                line.write(buffer, runStart, i - runStart);
                runStart = i + 1;
            }
        }
        line.write(buffer, runStart, to - runStart);
    }
}
