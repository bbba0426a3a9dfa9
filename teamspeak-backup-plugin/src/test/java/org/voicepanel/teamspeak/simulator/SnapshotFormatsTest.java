package org.voicepanel.teamspeak.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The created snapshot text checked against the definitions in docs/teamspeak.md 2.2, decoded here independently
 * of the simulator's codecs (and by the zstd command-line tool where it is installed).
 */
class SnapshotFormatsTest {

    private final SnapshotContent content = new SnapshotContent(
            Map.of("virtualserver_name", "My Server", "virtualserver_maxclients", "12"),
            List.of(new Channel(1, 0, "Lobby", "Welcome / read the rules"), new Channel(2, 1, "Sub", "")));

    @Test
    void legacyHashIsTheBase64Sha1OfTheEscapedTextAfterTheFirstBar() throws Exception {
        String line = SnapshotCodec.writing(SnapshotFormat.LEGACY).encode(content, null);
        int bar = line.indexOf('|');
        String payload = line.substring(bar + 1);
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(payload.getBytes(StandardCharsets.UTF_8));

        assertThat(QueryEscaping.unescape(line.substring("hash=".length(), bar)))
                .isEqualTo(Base64.getEncoder().encodeToString(sha1));
        assertThat(payload).startsWith("virtualserver_")
                .contains("virtualserver_name=My\\sServer")
                .contains(" end_virtualserver|begin_channels channel_id=1 channel_pid=0 ")
                .contains("channel_description=Welcome\\s\\/\\sread\\sthe\\srules")
                .contains("|channel_id=2 channel_pid=1 ")
                .contains("|end_channels|begin_clients ")
                .contains("|end_clients|begin_permissions|server_groups ")
                .endsWith("|end_permissions");
    }

    @Test
    void version3DataIsEscapedBase64OfARealZstdFrameThatDoesNotRecordItsSize() throws Exception {
        String line = SnapshotCodec.writing(SnapshotFormat.V3).encode(content, null);
        assertThat(line).startsWith("version=3 data=KLUv\\/");
        byte[] frame = Base64.getDecoder().decode(QueryEscaping.unescape(line.substring("version=3 data=".length())));

        long contentSizeUnknown = -1; // ZSTD_CONTENTSIZE_UNKNOWN: readers must stream, as with TeamSpeak's frames
        assertThat(Zstd.getFrameContentSize(frame)).isEqualTo(contentSizeUnknown);
        assertThat(inflate(frame)).isEqualTo(SnapshotLayout.write(content));
    }

    @Test
    void version2DataIsTheSecondRecord() throws Exception {
        String line = SnapshotCodec.writing(SnapshotFormat.V2).encode(content, null);
        assertThat(line).startsWith("version=2|KLUv\\/");
        byte[] frame = Base64.getDecoder().decode(QueryEscaping.unescape(line.substring("version=2|".length())));
        assertThat(inflate(frame)).isEqualTo(SnapshotLayout.write(content));
    }

    @Test
    void theZstdToolDecompressesTheSnapshotData(@TempDir Path folder) throws Exception {
        assumeTrue(zstdToolInstalled(), "zstd command-line tool not installed");
        String line = SnapshotCodec.writing(SnapshotFormat.V3).encode(content, null);
        Path compressed = folder.resolve("snapshot.zst");
        Files.write(compressed, Base64.getDecoder().decode(
                QueryEscaping.unescape(line.substring("version=3 data=".length()))));

        Process zstd = new ProcessBuilder("zstd", "-d", "-c", compressed.toString()).start();
        String inflated = new String(zstd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(zstd.waitFor()).isZero();
        assertThat(inflated).isEqualTo(SnapshotLayout.write(content));
    }

    @Test
    void theRecordTextReadsBackToTheSameContent() throws Exception {
        assertThat(SnapshotLayout.parse(SnapshotLayout.write(content))).isEqualTo(content);
    }

    private static String inflate(byte[] frame) throws IOException {
        try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(frame))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean zstdToolInstalled() {
        try {
            Process process = new ProcessBuilder("zstd", "--version").start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
