package org.voicepanel.api.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.SnapshotFileSealer;

/**
 * A sealer for provider tests: the payload in the clear behind a magic and the name of the key, followed by
 * an HMAC-SHA256 over it, so that altered, cut or foreign files are refused as the host's are. Like the host's
 * keysets it may hold several keys: the first seals, all of them open, so tests can rotate and retire keys.
 * It is not the host's file format and not meant to keep anything secret.
 */
public final class TestSnapshotFileSealer implements SnapshotFileSealer {

    private static final byte[] MAGIC = "TSTSEAL2".getBytes(StandardCharsets.US_ASCII);
    private static final int MAC_LENGTH = 32;

    private final String primary;
    private final Map<String, byte[]> keys = new LinkedHashMap<>();

    public TestSnapshotFileSealer() {
        this("test-key");
    }

    /** Seals with {@code primaryKey}; opens files of it and of {@code olderKeys}. Key names are short ASCII. */
    public TestSnapshotFileSealer(String primaryKey, String... olderKeys) {
        this.primary = primaryKey;
        keys.put(primaryKey, primaryKey.getBytes(StandardCharsets.UTF_8));
        for (String older : olderKeys) {
            keys.put(older, older.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void seal(InputStream payload, OutputStream sealed) throws IOException {
        Mac mac = newMac(keys.get(primary));
        byte[] name = primary.getBytes(StandardCharsets.US_ASCII);
        sealed.write(MAGIC);
        sealed.write(name.length);
        sealed.write(name);
        byte[] buffer = new byte[8192];
        for (int n; (n = payload.read(buffer)) > 0; ) {
            mac.update(buffer, 0, n);
            sealed.write(buffer, 0, n);
        }
        sealed.write(mac.doFinal());
    }

    @Override
    public void unseal(InputStream sealed, OutputStream payload) throws IOException {
        byte[] key = keys.get(keyName(sealed));
        if (key == null) {
            throw invalid();
        }
        Mac mac = newMac(key);
        // hold back the last MAC_LENGTH bytes: they are the tag, not payload
        byte[] window = new byte[0];
        byte[] buffer = new byte[8192];
        for (int n; (n = sealed.read(buffer)) > 0; ) {
            byte[] joined = Arrays.copyOf(window, window.length + n);
            System.arraycopy(buffer, 0, joined, window.length, n);
            int release = Math.max(0, joined.length - MAC_LENGTH);
            mac.update(joined, 0, release);
            payload.write(joined, 0, release);
            window = Arrays.copyOfRange(joined, release, joined.length);
        }
        if (window.length != MAC_LENGTH || !MessageDigest.isEqual(window, mac.doFinal())) {
            throw invalid();
        }
    }

    @Override
    public boolean sealedWithCurrentKey(InputStream sealedStart) throws IOException {
        return primary.equals(keyName(sealedStart));
    }

    /** The key name after the magic; throws SNAPSHOT_FILE_INVALID for anything else. */
    private static String keyName(InputStream sealed) throws IOException {
        byte[] magic = sealed.readNBytes(MAGIC.length);
        int length = sealed.read();
        if (!Arrays.equals(magic, MAGIC) || length < 0) {
            throw invalid();
        }
        byte[] name = sealed.readNBytes(length);
        if (name.length != length) {
            throw invalid();
        }
        return new String(name, StandardCharsets.US_ASCII);
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BackupException invalid() {
        return new BackupException(BackupException.Reason.SNAPSHOT_FILE_INVALID,
                "The file is not an intact snapshot file of this panel.");
    }
}
