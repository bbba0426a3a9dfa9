package org.voicepanel.host.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.voicepanel.host.OwnerOnlyFiles;

/**
 * The panel's two Tink keysets, in {@code panel.keys-dir}: {@value #SNAPSHOT_FILES} (streaming AEAD,
 * AES256_GCM_HKDF_1MB) seals snapshot files, {@value #QUERY_PASSWORDS} (AEAD, AES256_GCM) the stored query
 * passwords. A keyset holds every key it had since the last {@link #retireOlderKeys()}: its primary key seals, all
 * of them open, so {@link #rotate()} changes the key new seals use without making anything sealed before
 * unreadable. Thread-safe: the current keysets
 * are replaced as a whole.
 */
public final class PanelKeysets {

    public static final String SNAPSHOT_FILES = "snapshot-files.json";
    public static final String QUERY_PASSWORDS = "query-passwords.json";

    static {
        NativeGcm.installInBackground();
        try {
            StreamingAeadConfig.register();
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink's AEAD primitives are not available in this Java runtime", e);
        }
    }

    /** The keysets as they stand, with their primitives. */
    private record Current(KeysetHandle snapshotFiles, StreamingAead snapshotFileAead,
                           KeysetHandle queryPasswords, Aead queryPasswordAead) {
    }

    private final KeysetFile snapshotFilesFile;
    private final KeysetFile queryPasswordsFile;
    private volatile Current current;

    private PanelKeysets(Path folder) {
        this.snapshotFilesFile = new KeysetFile(folder.resolve(SNAPSHOT_FILES),
                PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
        this.queryPasswordsFile = new KeysetFile(folder.resolve(QUERY_PASSWORDS), PredefinedAeadParameters.AES256_GCM);
        this.current = of(snapshotFilesFile.readOrGenerate(), queryPasswordsFile.readOrGenerate());
    }

    /** Reads the keysets in {@code folder} (made owner-only), generating those that are missing. */
    public static PanelKeysets in(Path folder) {
        try {
            return new PanelKeysets(OwnerOnlyFiles.folder(folder.toAbsolutePath()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the keys folder " + folder, e);
        }
    }

    public StreamingAead snapshotFiles() {
        return current.snapshotFileAead();
    }

    /** The id of the key that seals snapshot files now, written into every file's header. */
    public int snapshotFilePrimaryKeyId() {
        return current.snapshotFiles().getPrimary().getId();
    }

    /** Whether the snapshot-file keyset holds a key with this id. */
    public boolean hasSnapshotFileKey(int keyId) {
        return ids(current.snapshotFiles()).contains(keyId);
    }

    public Aead queryPasswords() {
        return current.queryPasswordAead();
    }

    /** What an operator sees of the keysets: ids only, the primary first. */
    public record Summary(int snapshotFilePrimary, Set<Integer> snapshotFileKeys, int queryPasswordPrimary,
                          Set<Integer> queryPasswordKeys) {
    }

    public Summary summary() {
        Current now = current;
        return new Summary(now.snapshotFiles().getPrimary().getId(), ids(now.snapshotFiles()),
                now.queryPasswords().getPrimary().getId(), ids(now.queryPasswords()));
    }

    /** Adds a new primary key to both keysets and writes them; from now on everything is sealed with the new keys. */
    public synchronized Summary rotate() {
        return change("add a key", KeysetFile::addPrimaryKey);
    }

    /**
     * Removes every key but the primary one from both keysets and writes them: what the older keys sealed cannot
     * be opened any more, so call it only once everything is sealed again ({@code KeyAdminController} checks).
     */
    public synchronized Summary retireOlderKeys() {
        return change("remove a key", KeysetFile::removeAllButPrimary);
    }

    private interface KeysetChange {
        KeysetHandle apply(KeysetFile file, KeysetHandle keyset) throws IOException, GeneralSecurityException;
    }

    /** Applies the same change to both keysets, writes them, and makes them current. */
    private Summary change(String what, KeysetChange change) {
        try {
            Current now = current;
            KeysetHandle snapshotFiles = change.apply(snapshotFilesFile, now.snapshotFiles());
            KeysetHandle queryPasswords = change.apply(queryPasswordsFile, now.queryPasswords());
            current = of(snapshotFiles, queryPasswords);
            return summary();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the keysets", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not " + what, e);
        }
    }

    private static Current of(KeysetHandle snapshotFiles, KeysetHandle queryPasswords) {
        try {
            return new Current(snapshotFiles, snapshotFiles.getPrimitive(RegistryConfiguration.get(),
                    StreamingAead.class), queryPasswords, queryPasswords.getPrimitive(RegistryConfiguration.get(),
                    Aead.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A keyset holds a key of another kind than it should", e);
        }
    }

    private static Set<Integer> ids(KeysetHandle keyset) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < keyset.size(); i++) {
            ids.add(keyset.getAt(i).getId());
        }
        return new TreeSet<>(ids);
    }
}
