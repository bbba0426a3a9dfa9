package org.voicepanel.system;

import java.util.Arrays;
import java.util.Base64;
import org.voicepanel.api.SnapshotFileSealer;
import org.voicepanel.host.snapshotfile.AesGcmSnapshotFileSealer;
import org.voicepanel.host.snapshotfile.SnapshotFileKey;

/**
 * The snapshot-file key the tests give their panels ({@code panel.backup-key}), so that panels on
 * one database open each other's files and a test can seal files as the panel would, or with
 * another key.
 */
public final class PanelKeys {

    public static final String BACKUP_KEY = Base64.getEncoder().encodeToString(material(7));

    private PanelKeys() {
    }

    public static String arg() {
        return "--panel.backup-key=" + BACKUP_KEY;
    }

    /** Seals exactly as a panel started with {@link #arg()} does. */
    public static SnapshotFileSealer panelSealer() {
        return new AesGcmSnapshotFileSealer(new SnapshotFileKey(material(7)));
    }

    /** Seals as a panel with some other key does. */
    public static SnapshotFileSealer foreignSealer() {
        return new AesGcmSnapshotFileSealer(new SnapshotFileKey(material(42)));
    }

    private static byte[] material(int seed) {
        byte[] key = new byte[SnapshotFileKey.LENGTH];
        Arrays.fill(key, (byte) seed);
        for (int i = 0; i < key.length; i++) {
            key[i] ^= (byte) (i * 31);
        }
        return key;
    }
}
