package org.voicepanel.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The host's snapshot-file format: the payload compressed, then encrypted and authenticated,
 * behind a small versioned header naming the key. Providers store sealed files and never see
 * the key. Thread-safe.
 *
 * @since 1.0
 */
public interface SnapshotFileSealer {

    /** Reads {@code payload} to its end and writes the sealed file to {@code sealed}. Closes neither. */
    void seal(InputStream payload, OutputStream sealed) throws IOException;

    /**
     * Reads a sealed file to its end and writes its payload. Throws {@link BackupException} with
     * {@link BackupException.Reason#SNAPSHOT_FILE_INVALID} for a file that was altered, cut short,
     * sealed with another key, or not sealed by this panel; then what was written to
     * {@code payload} must be discarded. Closes neither.
     */
    void unseal(InputStream sealed, OutputStream payload) throws IOException;

    /**
     * Whether the sealed file that {@code sealedStart} begins was sealed with the key that seals now, so that
     * {@link #reseal} would change nothing that matters. Reads only the file's header (its first few hundred bytes
     * at most) and checks nothing else. The default answers false: every file is re-sealed.
     *
     * @since 2.1
     */
    default boolean sealedWithCurrentKey(InputStream sealedStart) throws IOException {
        return false;
    }

    /**
     * Reads a sealed file to its end and writes it sealed again with the key that seals now: what
     * {@link #unseal} then {@link #seal} would give, streamed with a bounded buffer and never held whole.
     * Fails as {@link #unseal} does; then what was written to {@code resealed} must be discarded, even when
     * the failure came late. Closes neither. The default runs the unseal on a helper thread through a bounded pipe.
     *
     * @since 2.1
     */
    default void reseal(InputStream sealed, OutputStream resealed) throws IOException {
        PayloadPipe pipe = new PayloadPipe();
        OutputStream payloadSink = pipe.sink;
        InputStream payload = pipe.source;
        CompletableFuture<Void> unsealed = new CompletableFuture<>();
        Thread unsealer = new Thread(() -> {
            try (payloadSink) {
                unseal(sealed, payloadSink);
                unsealed.complete(null);
            } catch (Throwable e) {
                unsealed.completeExceptionally(e);
            }
        }, "snapshot-unseal");
        unsealer.setDaemon(true);
        unsealer.start();
        try (payload) {
            seal(payload, resealed);
        } catch (IOException | RuntimeException e) {
            // a failed unseal ends the pipe early: its own failure is the one that explains it
            awaitUnseal(unsealed, unsealer, e);
            throw e;
        }
        // the pipe also ends when unseal fails half-way: only its outcome says whether the payload was whole
        awaitUnseal(unsealed, unsealer, null);
    }

    private static void awaitUnseal(CompletableFuture<Void> unsealed, Thread unsealer, Exception sealFailure)
            throws IOException {
        try {
            unsealed.get();
        } catch (InterruptedException e) {
            unsealer.interrupt();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while re-sealing a snapshot file");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (sealFailure != null && cause instanceof PayloadPipe.ReaderGone) {
                return; // the seal failed first and closed the pipe under the unseal
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("unsealing failed", cause);
        }
    }
}
