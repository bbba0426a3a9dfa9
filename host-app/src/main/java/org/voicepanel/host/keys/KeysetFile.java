package org.voicepanel.host.keys;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voicepanel.host.OwnerOnlyFiles;

/**
 * One Tink keyset in Tink's JSON keyset format, in an owner-only file of {@code panel.keys-dir}: generated with one
 * key at the first start, and replaced whole (atomically) when a key is added. Errors name the file, never a key.
 */
final class KeysetFile {

    private static final Logger log = LoggerFactory.getLogger(KeysetFile.class);

    private final Path file;
    private final Parameters parameters;

    KeysetFile(Path file, Parameters parameters) {
        this.file = file;
        this.parameters = parameters;
    }

    KeysetHandle readOrGenerate() {
        try {
            if (!Files.exists(file)) {
                KeysetHandle generated = KeysetHandle.generateNew(parameters);
                if (OwnerOnlyFiles.createNew(file, serialize(generated))) {
                    log.warn("Generated the keyset {}. Back it up: without it no snapshot file or stored query"
                            + " password it sealed can be opened again.", file);
                }
            }
            OwnerOnlyFiles.restrict(file);
            return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file, StandardCharsets.UTF_8),
                    InsecureSecretKeyAccess.get());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the keyset " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The keyset " + file + " is not a Tink keyset in JSON (restore it from"
                    + " a backup; without it nothing it sealed can be opened).", e);
        }
    }

    /** Adds a new key, makes it the primary one, and writes the keyset; returns it. */
    KeysetHandle addPrimaryKey(KeysetHandle current) throws GeneralSecurityException, IOException {
        KeysetHandle rotated = KeysetHandle.newBuilder(current)
                .addEntry(KeysetHandle.generateEntryFromParameters(parameters).withRandomId().makePrimary())
                .build();
        OwnerOnlyFiles.replace(file, serialize(rotated));
        return rotated;
    }

    /** Removes every key but the primary one and writes the keyset; returns it. */
    KeysetHandle removeAllButPrimary(KeysetHandle current) throws GeneralSecurityException, IOException {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(current);
        for (int i = current.size() - 1; i >= 0; i--) {
            if (!current.getAt(i).isPrimary()) {
                builder.deleteAt(i);
            }
        }
        KeysetHandle retired = builder.build();
        OwnerOnlyFiles.replace(file, serialize(retired));
        return retired;
    }

    Path path() {
        return file;
    }

    private static String serialize(KeysetHandle keyset) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    }
}
