package org.voicepanel.host.snapshotfile;

import java.nio.file.Path;
import java.util.Base64;

/**
 * Finds the panel's snapshot-file key at start-up: the configured {@value #PROPERTY} when set,
 * otherwise the key file {@value #KEY_FILE_NAME} in the data folder, generated on first start.
 * Every failure is an {@link IllegalStateException} that names the property or file and never
 * shows key material. Panels that share one database must share one configured key: a key
 * generated per data folder cannot open files sealed by another instance.
 */
public final class SnapshotFileKeys {

    /** The configuration property that holds a base64 AES-256 key. */
    public static final String PROPERTY = "panel.backup-key";

    /** The key file's name inside {@code panel.data-dir}. */
    public static final String KEY_FILE_NAME = "snapshot-file.key";

    private SnapshotFileKeys() {
    }

    /**
     * @param configuredKey the value of {@value #PROPERTY}; {@code null} or blank means unset
     * @param dataDir {@code panel.data-dir}, created when missing
     */
    public static SnapshotFileKey load(String configuredKey, Path dataDir) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            return decode(configuredKey, "The property " + PROPERTY);
        }
        return SnapshotFileKeyFile.in(dataDir.resolve(KEY_FILE_NAME)).readOrGenerate();
    }

    /** Decodes a base64 key; {@code source} names where it came from, for the error. */
    static SnapshotFileKey decode(String base64, String source) {
        byte[] material;
        try {
            material = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw notAKey(source);
        }
        if (material.length != SnapshotFileKey.LENGTH) {
            throw notAKey(source);
        }
        return new SnapshotFileKey(material);
    }

    private static IllegalStateException notAKey(String source) {
        return new IllegalStateException(source + " is not a base64-encoded AES-256 key (" + SnapshotFileKey.LENGTH
                + " random bytes, for example from `openssl rand -base64 32`).");
    }
}
