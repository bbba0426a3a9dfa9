package org.voicepanel.teamspeak.simulator;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The data of v2 and v3 snapshots: the record text, zstd-compressed, optionally encrypted, then Base64
 * (docs/teamspeak.md 2.2). Base64 here is unescaped; the codecs escape it for the wire ({@code /} becomes
 * {@code \/}).
 *
 * <p>Frames are written by the streaming encoder, so like TeamSpeak's they may not record their content size and
 * must be read with a streaming decoder. A checksum makes a flipped byte detectable. Stateless and thread-safe.
 */
final class CompressedSnapshotData {

    /** Refuses decompression bombs; TeaSpeak's limit is about the same (docs/teamspeak.md 2.5). */
    static final long MAX_DECOMPRESSED_BYTES = 512L * 1024 * 1024;

    private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};

    private CompressedSnapshotData() {
    }

    /** @param password {@code null} for an unprotected snapshot; otherwise {@code salt} must be set */
    static String pack(String recordText, String password, String salt) {
        byte[] data = compress(recordText.getBytes(StandardCharsets.UTF_8));
        if (password != null) {
            data = SnapshotCipher.encrypt(data, password, salt);
        }
        return Base64.getEncoder().encodeToString(data);
    }

    static String unpack(String base64, String password, String salt) throws InvalidSnapshotException {
        byte[] data;
        try {
            data = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidSnapshotException("snapshot data is not valid base64: " + e.getMessage());
        }
        if (salt != null) {
            if (password == null) {
                throw new InvalidSnapshotException("snapshot is password protected");
            }
            data = SnapshotCipher.decrypt(data, password, salt);
        }
        return utf8(decompress(data));
    }

    private static byte[] compress(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 2 + 64);
        try (ZstdOutputStream zstd = new ZstdOutputStream(out, 3)) {
            zstd.setChecksum(true);
            zstd.write(plain);
        } catch (IOException e) {
            throw new IllegalStateException("zstd compression failed", e);
        }
        return out.toByteArray();
    }

    private static byte[] decompress(byte[] compressed) throws InvalidSnapshotException {
        if (!startsWithMagic(compressed)) {
            throw new InvalidSnapshotException("snapshot data is not a zstd frame");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 2);
        try (InputStream zstd = new ZstdInputStream(new ByteArrayInputStream(compressed))) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = zstd.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                if (out.size() > MAX_DECOMPRESSED_BYTES) {
                    throw new InvalidSnapshotException("decompressed snapshot too large");
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidSnapshotException("decompress error occurred: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static boolean startsWithMagic(byte[] data) {
        if (data.length < ZSTD_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < ZSTD_MAGIC.length; i++) {
            if (data[i] != ZSTD_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static String utf8(byte[] bytes) throws InvalidSnapshotException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidSnapshotException("snapshot payload is not UTF-8 text");
        }
    }
}
