package org.voicepanel.teamspeak;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.voicepanel.teamspeak.snapshot.SnapshotRejectedException;
import org.voicepanel.teamspeak.snapshot.SnapshotValidator;

/**
 * Collects an unsealed payload for a restore, which must end up in memory anyway: ts3-api sends a
 * snapshot as one string. It hands out its own array instead of a copy, and refuses to grow past the
 * size limit. It grows by half rather than doubling, and never past the limit: a restore of a snapshot
 * near the limit runs in a small heap, where a doubled array would not fit beside the one it copies.
 * Not thread-safe.
 */
final class PayloadBuffer extends ByteArrayOutputStream {

    private final long maxBytes;

    /** @param expectedBytes a first guess of the size, to spare copies while the buffer grows */
    PayloadBuffer(long maxBytes, long expectedBytes) {
        super((int) Math.max(1024, Math.min(expectedBytes, Math.min(maxBytes, Integer.MAX_VALUE - 8))));
        this.maxBytes = maxBytes;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        requireRoom(length);
        super.write(bytes, offset, length);
    }

    @Override
    public synchronized void write(int b) {
        requireRoom(1);
        super.write(b);
    }

    /** The array behind the buffer; its first {@link #size()} bytes are the payload. */
    byte[] array() {
        return buf;
    }

    private void requireRoom(int length) {
        long needed = count + (long) length;
        if (needed > maxBytes) {
            throw new SnapshotRejectedException("it is larger than the " + SnapshotValidator.describeSize(maxBytes)
                    + " the panel accepts");
        }
        if (needed > buf.length) {
            long grown = Math.max(needed, buf.length + (long) buf.length / 2);
            buf = Arrays.copyOf(buf, (int) Math.min(grown, Math.min(maxBytes, Integer.MAX_VALUE - 8)));
        }
    }
}
