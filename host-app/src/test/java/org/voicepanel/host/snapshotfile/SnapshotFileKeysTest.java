package org.voicepanel.host.snapshotfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotFileKeysTest {

    @TempDir
    Path dir;

    @Test
    void keyIsGeneratedOnFirstStartIntoAnOwnerOnlyFile() throws IOException {
        Path dataDir = dir.resolve("data");

        SnapshotFileKey key = SnapshotFileKeys.load(null, dataDir);

        Path file = dataDir.resolve("snapshot-file.key");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dataDir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        byte[] stored = Base64.getDecoder().decode(Files.readString(file).strip());
        assertThat(new SnapshotFileKey(stored)).isEqualTo(key);
        try (var entries = Files.list(dataDir)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void generatedKeyIsReusedOnLaterStarts() throws IOException {
        SnapshotFileKey first = SnapshotFileKeys.load(null, dir);
        byte[] sealed = Payloads.seal(new AesGcmSnapshotFileSealer(first), "kept".getBytes(StandardCharsets.UTF_8));

        SnapshotFileKey second = SnapshotFileKeys.load(null, dir);

        assertThat(second).isEqualTo(first);
        assertThat(Payloads.unseal(new AesGcmSnapshotFileSealer(second), sealed)).asString().isEqualTo("kept");
    }

    @Test
    void blankConfiguredKeyMeansUnset() {
        SnapshotFileKey key = SnapshotFileKeys.load("  ", dir);

        assertThat(dir.resolve(SnapshotFileKeys.KEY_FILE_NAME)).exists();
        assertThat(SnapshotFileKeys.load(null, dir)).isEqualTo(key);
    }

    @Test
    void configuredKeyIsUsedAndNothingIsWritten() {
        SnapshotFileKey expected = Payloads.newKey();
        String configured = Base64.getEncoder().encodeToString(expected.material());

        SnapshotFileKey key = SnapshotFileKeys.load(" " + configured + "\n", dir.resolve("data"));

        assertThat(key).isEqualTo(expected);
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void configuredKeyThatIsNotBase64IsRejectedNamingThePropertyOnly() {
        String configured = "this-is-not-base64!!";

        assertThatThrownBy(() -> SnapshotFileKeys.load(configured, dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("panel.backup-key")
                .hasMessageNotContaining(configured);
    }

    @Test
    void configuredKeyOfTheWrongLengthIsRejectedNamingThePropertyOnly() {
        String configured = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> SnapshotFileKeys.load(configured, dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("panel.backup-key")
                .hasMessageContaining("AES-256")
                .hasMessageNotContaining(configured);
    }

    @Test
    void damagedKeyFileIsRejectedAndLeftAlone() throws IOException {
        Path file = dir.resolve(SnapshotFileKeys.KEY_FILE_NAME);
        Files.writeString(file, "damaged");

        assertThatThrownBy(() -> SnapshotFileKeys.load(null, dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageNotContaining("damaged\"");
        assertThat(Files.readString(file)).isEqualTo("damaged");
    }
}
