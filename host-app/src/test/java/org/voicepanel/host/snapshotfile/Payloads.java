package org.voicepanel.host.snapshotfile;

import java.nio.file.Files;
import org.voicepanel.host.keys.PanelKeysets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Random;

/** Payloads for the tests, generated lazily so large ones never sit in memory. */
final class Payloads {

    private Payloads() {
    }

    /** {@code first} followed by {@code second}. */
    static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** A fresh pair of keysets in a folder of their own. */
    static PanelKeysets newKeysets() {
        try {
            return PanelKeysets.in(Files.createTempDirectory("keysets-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text-like bytes (16 letters and spaces): compressible, like a snapshot. */
    static InputStream text(long length, long seed) {
        return new Generated(length, seed, Mode.TEXT);
    }

    /** Incompressible bytes: the sealed file is at least as long, so it spans many segments. */
    static InputStream random(long length, long seed) {
        return new Generated(length, seed, Mode.RANDOM);
    }

    /** Only zero bytes: a tiny sealed file that inflates to {@code length}. */
    static InputStream zeros(long length) {
        return new Generated(length, 0, Mode.ZEROS);
    }

    static byte[] bytes(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] seal(KeysetSnapshotFileSealer sealer, byte[] payload) throws IOException {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        sealer.seal(new ByteArrayInputStream(payload), sealed);
        return sealed.toByteArray();
    }

    static byte[] unseal(KeysetSnapshotFileSealer sealer, byte[] sealed) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        sealer.unseal(new ByteArrayInputStream(sealed), payload);
        return payload.toByteArray();
    }

    static byte[] sha256(InputStream in) throws IOException {
        DigestOutputStream digest = digestingNothing();
        in.transferTo(digest);
        return digest.getMessageDigest().digest();
    }

    /** Discards what is written, keeping only its SHA-256. */
    static DigestOutputStream digestingNothing() {
        try {
            return new DigestOutputStream(OutputStream.nullOutputStream(), MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private enum Mode { TEXT, RANDOM, ZEROS }

    private static final class Generated extends InputStream {

        private final Random random;
        private final Mode mode;
        private long remaining;

        Generated(long length, long seed, Mode mode) {
            this.random = new Random(seed);
            this.mode = mode;
            this.remaining = length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : Byte.toUnsignedInt(one[0]);
        }

        @Override
        public int read(byte[] bytes, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            for (int i = 0; i < n; i++) {
                bytes[offset + i] = next();
            }
            remaining -= n;
            return n;
        }

        private byte next() {
            if (mode == Mode.ZEROS) {
                return 0;
            }
            int r = random.nextInt(256);
            return mode == Mode.RANDOM ? (byte) r : (byte) (r < 40 ? ' ' : 'a' + (r & 15));
        }
    }
}
