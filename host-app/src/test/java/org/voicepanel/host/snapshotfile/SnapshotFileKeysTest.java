package org.voicepanel.host.snapshotfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voicepanel.api.BackupException;
import org.voicepanel.host.keys.PanelKeysets;

/** Which keys seal and open files: a restart on the same keys, a rotation, a re-seal, retired and foreign keys. */
class SnapshotFileKeysTest {

    @TempDir
    Path dir;

    @Test
    void aPanelRestartedOnTheSameKeysFolderOpensTheFile() throws IOException {
        byte[] payload = "restart".getBytes(StandardCharsets.UTF_8);

        byte[] sealed = Payloads.seal(new KeysetSnapshotFileSealer(PanelKeysets.in(dir.resolve("keys"))), payload);

        assertThat(Payloads.unseal(new KeysetSnapshotFileSealer(PanelKeysets.in(dir.resolve("keys"))), sealed))
                .isEqualTo(payload);
    }

    @Test
    void afterARotationNewFilesUseTheNewKeyAndOlderFilesStillOpen() throws IOException {
        PanelKeysets keysets = PanelKeysets.in(dir.resolve("keys"));
        KeysetSnapshotFileSealer panel = new KeysetSnapshotFileSealer(keysets);
        byte[] before = Payloads.seal(panel, "before".getBytes(StandardCharsets.UTF_8));
        int oldKey = keysets.snapshotFilePrimaryKeyId();

        PanelKeysets.Summary rotated = keysets.rotate();
        byte[] after = Payloads.seal(panel, "after".getBytes(StandardCharsets.UTF_8));

        assertThat(rotated.snapshotFilePrimary()).isNotEqualTo(oldKey);
        assertThat(rotated.snapshotFileKeys()).containsExactlyInAnyOrder(oldKey, rotated.snapshotFilePrimary());
        assertThat(Arrays.copyOf(before, SealedFileHeader.LENGTH)).isNotEqualTo(Arrays.copyOf(after,
                SealedFileHeader.LENGTH));
        assertThat(Payloads.unseal(panel, before)).asString(StandardCharsets.UTF_8).isEqualTo("before");
        assertThat(Payloads.unseal(panel, after)).asString(StandardCharsets.UTF_8).isEqualTo("after");
        // the rotation is in the files: a restarted panel has both keys, the new one primary
        PanelKeysets restarted = PanelKeysets.in(dir.resolve("keys"));
        assertThat(restarted.summary()).isEqualTo(rotated);
        assertThat(Payloads.unseal(new KeysetSnapshotFileSealer(restarted), before)).asString(StandardCharsets.UTF_8)
                .isEqualTo("before");
    }

    @Test
    void aResealedFileOpensOnceTheOlderKeysAreRetiredAndTheOldFileNoLonger() throws IOException {
        PanelKeysets keysets = PanelKeysets.in(dir.resolve("keys"));
        KeysetSnapshotFileSealer panel = new KeysetSnapshotFileSealer(keysets);
        byte[] payload = new byte[3 * 1024 * 1024 + 17]; // several Tink segments
        new java.util.Random(7).nextBytes(payload);
        byte[] before = Payloads.seal(panel, payload);
        assertThat(panel.sealedWithCurrentKey(new ByteArrayInputStream(before))).isTrue();

        keysets.rotate();
        assertThat(panel.sealedWithCurrentKey(new ByteArrayInputStream(before))).isFalse();
        ByteArrayOutputStream resealed = new ByteArrayOutputStream();
        panel.reseal(new ByteArrayInputStream(before), resealed);
        byte[] after = resealed.toByteArray();
        assertThat(panel.sealedWithCurrentKey(new ByteArrayInputStream(after))).isTrue();

        PanelKeysets.Summary retired = keysets.retireOlderKeys();
        assertThat(retired.snapshotFileKeys()).containsExactly(retired.snapshotFilePrimary());
        assertThat(retired.queryPasswordKeys()).containsExactly(retired.queryPasswordPrimary());
        assertThat(PanelKeysets.in(dir.resolve("keys")).summary()).isEqualTo(retired);
        assertThat(Payloads.unseal(panel, after)).isEqualTo(payload);
        assertThatThrownBy(() -> Payloads.unseal(panel, before))
                .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.getMessage()).contains("another key"));
    }

    @Test
    void aResealOfAnAlteredFileFailsEvenThoughItsStartWasAlreadyResealed() throws IOException {
        PanelKeysets keysets = PanelKeysets.in(dir.resolve("keys"));
        KeysetSnapshotFileSealer panel = new KeysetSnapshotFileSealer(keysets);
        byte[] payload = new byte[3 * 1024 * 1024];
        new java.util.Random(8).nextBytes(payload);
        byte[] sealed = Payloads.seal(panel, payload);
        sealed[sealed.length - 100] ^= 1; // in the last segment: the start re-seals before the fault shows
        keysets.rotate();

        assertThatThrownBy(() -> panel.reseal(new ByteArrayInputStream(sealed), OutputStream.nullOutputStream()))
                .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.reason())
                        .isEqualTo(BackupException.Reason.SNAPSHOT_FILE_INVALID));
    }

    @Test
    void aPanelWithoutTheNewKeyCallsAFileSealedWithItAnotherKeys() throws IOException {
        PanelKeysets keysets = PanelKeysets.in(dir.resolve("keys"));
        PanelKeysets copyBeforeRotation = PanelKeysets.in(copyOf(dir.resolve("keys"), dir.resolve("copy")));
        keysets.rotate();
        byte[] after = Payloads.seal(new KeysetSnapshotFileSealer(keysets), "after".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Payloads.unseal(new KeysetSnapshotFileSealer(copyBeforeRotation), after))
                .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.getMessage()).contains("another key"));
    }

    @Test
    void keysetsAreOwnerOnlyFilesInAnOwnerOnlyFolder() throws IOException {
        PanelKeysets.in(dir.resolve("keys"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys"))))
                .isEqualTo("rwx------");
        for (String name : new String[] {PanelKeysets.SNAPSHOT_FILES, PanelKeysets.QUERY_PASSWORDS}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys").resolve(name))))
                    .isEqualTo("rw-------");
        }
    }

    private static Path copyOf(Path folder, Path copy) throws IOException {
        Files.createDirectories(copy);
        for (String name : new String[] {PanelKeysets.SNAPSHOT_FILES, PanelKeysets.QUERY_PASSWORDS}) {
            Files.copy(folder.resolve(name), copy.resolve(name));
        }
        return copy;
    }
}
