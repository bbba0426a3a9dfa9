package org.voicepanel.host;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.voicepanel.host.keys.PanelKeysets;
import org.voicepanel.host.snapshotfile.KeysetSnapshotFileSealer;

/**
 * Snapshot files as the panel writes them, made and opened with the key the test gave the panel,
 * so a test can look inside a download and forge or alter an upload as no user could.
 */
final class SnapshotFiles {

    private final KeysetSnapshotFileSealer sealer;

    /** Opens and seals with the keysets in {@code keysDir}, the folder the test gave the panel. */
    SnapshotFiles(Path keysDir) {
        this.sealer = new KeysetSnapshotFileSealer(PanelKeysets.in(keysDir));
    }

    /** A file of this panel holding {@code payload}. */
    byte[] sealed(String payload) {
        return sealedWith(sealer, payload);
    }

    /** A well-made file, but sealed with a key this panel does not have. */
    static byte[] foreign(String payload) {
        try {
            return sealedWith(new KeysetSnapshotFileSealer(PanelKeysets.in(Files.createTempDirectory("foreign-keys-"))),
                    payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] payloadOf(byte[] file) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            sealer.unseal(new ByteArrayInputStream(file), out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A browser's upload: {@code file} as the part named {@code file}. */
    static byte[] multipart(String boundary, byte[] file) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"snapshot.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sealedWith(KeysetSnapshotFileSealer with, String payload) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            with.seal(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
