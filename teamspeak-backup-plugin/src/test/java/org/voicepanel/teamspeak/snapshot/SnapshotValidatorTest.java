package org.voicepanel.teamspeak.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.voicepanel.teamspeak.snapshot.SnapshotSamples.escapedBase64;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SnapshotValidatorTest {

    private final SnapshotValidator validator = new SnapshotValidator(64L * 1024 * 1024);

    @Test
    void acceptsLegacySnapshotWhoseHashMatches() throws IOException {
        assertThat(validate(SnapshotSamples.legacy())).isEqualTo(SnapshotDialect.LEGACY);
    }

    @Test
    void acceptsVersion2Snapshot() throws IOException {
        assertThat(validate(SnapshotSamples.version2())).isEqualTo(SnapshotDialect.VERSION_2);
    }

    @Test
    void acceptsVersion3SnapshotWithEscapedSlashesInItsData() throws IOException {
        String snapshot = SnapshotSamples.version3(SnapshotSamples.records("Slashes", 40));
        assertThat(snapshot).contains("\\/");
        assertThat(validate(snapshot)).isEqualTo(SnapshotDialect.VERSION_3);
    }

    @Test
    void acceptsLegacySnapshotOfSeveralMegabytesWithNonAsciiNames() throws IOException {
        String snapshot = SnapshotSamples.legacy(SnapshotSamples.records("Große Runde", 30_000));
        assertThat(snapshot.length()).isGreaterThan(4 * 1024 * 1024);
        assertThat(validate(snapshot)).isEqualTo(SnapshotDialect.LEGACY);
    }

    /**
     * A restore near the size limit holds its payload and the deploy line once each, and ts3-api copies the line
     * twice: the payload must be free once checked. One collection must reclaim it; a finalizable stream under the
     * validator would keep it until its finalizer had run and a second collection came.
     */
    @Test
    void theCheckedBytesAreFreeAtTheNextCollection() throws InterruptedException {
        ReferenceQueue<byte[]> collected = new ReferenceQueue<>();
        PhantomReference<byte[]> checked = checkVersion3(collected);
        System.gc();
        assertThat(collected.remove(2_000)).isSameAs(checked);
    }

    private PhantomReference<byte[]> checkVersion3(ReferenceQueue<byte[]> queue) {
        byte[] bytes = SnapshotSamples.version3().getBytes(StandardCharsets.UTF_8);
        assertThat(validator.check(bytes, bytes.length).dialect()).isEqualTo(SnapshotDialect.VERSION_3);
        return new PhantomReference<>(bytes, queue);
    }

    @Test
    void refusesSecondCommandAfterNewline() {
        assertRejected(SnapshotSamples.version3() + "\nserverdelete sid=1").hasMessageContaining("line break");
    }

    @Test
    void refusesSecondCommandAfterNewlineInLegacySnapshot() {
        assertRejected(SnapshotSamples.legacy() + "\nserverdelete sid=1").hasMessageContaining("line break");
    }

    @Test
    void refusesSecondRecordAfterVersion3Data() {
        assertRejected(SnapshotSamples.version3() + "|serverdelete sid=1").hasMessageContaining("single record");
    }

    @Test
    void refusesThirdRecordInVersion2Snapshot() {
        assertRejected(SnapshotSamples.version2() + "|serverdelete").hasMessageContaining("more");
    }

    @Test
    void refusesOptionAppendedToLegacySnapshot() {
        // the server would cut the hash input at " -", so an appended option keeps the hash valid
        assertRejected(SnapshotSamples.legacy() + " -ignorehash").hasMessageContaining("command option");
    }

    @Test
    void refusesOptionInsideVersion3Header() {
        assertRejected(SnapshotSamples.version3().replace("version=3 ", "version=3 -keepfiles "))
                .hasMessageContaining("command option");
    }

    static Stream<Arguments> smuggledCharacters() {
        return Stream.of(
                Arguments.of("carriage return", "\r"),
                Arguments.of("NUL", "\u0000"),
                Arguments.of("tab", "\t"),
                Arguments.of("escape", "\u001b"),
                Arguments.of("delete", "\u007f"),
                Arguments.of("C1 next line", "\u0085"));
    }

    @ParameterizedTest(name = "refuses {0} inside a legacy value")
    @MethodSource("smuggledCharacters")
    void refusesControlCharacterInsideLegacyValue(String name, String character) {
        String records = SnapshotSamples.records().replace("Owner", "Own" + character + "er");
        assertRejected(SnapshotSamples.legacy(records)).satisfiesAnyOf(
                e -> assertThat(e).hasMessageContaining("control character"),
                e -> assertThat(e).hasMessageContaining("line break"));
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] valid = SnapshotSamples.legacy().getBytes(StandardCharsets.UTF_8);
        byte[] broken = Arrays.copyOf(valid, valid.length + 1);
        broken[valid.length] = (byte) 0xFF;
        assertThatThrownBy(() -> validator.validate(new ByteArrayInputStream(broken)))
                .isInstanceOf(SnapshotRejectedException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void refusesDataThatIsNotBase64() {
        assertRejected("version=3 data=KLUv*WQAAA==").hasMessageContaining("Base64");
    }

    @Test
    void refusesBase64LettersAfterPadding() {
        assertRejected("version=3 data=KLUv=WQAAA==").hasMessageContaining("Base64");
    }

    @Test
    void refusesNonAsciiLetterInsideBase64() {
        assertRejected("version=3 data=KLUvé/WQAAA==").hasMessageContaining("Base64");
    }

    @Test
    void refusesEscapeOtherThanSlashInsideBase64() {
        assertRejected("version=3 data=KLUv\\sWQAAA==").hasMessageContaining("escape");
    }

    @Test
    void refusesBase64CutShort() {
        String snapshot = SnapshotSamples.version3();
        assertRejected(snapshot.substring(0, snapshot.length() - 1)).satisfiesAnyOf(
                e -> assertThat(e).hasMessageContaining("cut short"),
                e -> assertThat(e).hasMessageContaining("decompress"));
    }

    @Test
    void refusesDataThatIsNotZstd() {
        String data = escapedBase64("end_virtualserver|begin_channels|end_channels".getBytes(StandardCharsets.UTF_8));
        assertRejected("version=3 data=" + data).hasMessageContaining("not zstd");
    }

    @Test
    void refusesTruncatedZstdStream() {
        byte[] compressed = Zstd.compress(SnapshotSamples.records().getBytes(StandardCharsets.UTF_8));
        byte[] cut = Arrays.copyOf(compressed, compressed.length - 10);
        assertRejected("version=3 data=" + escapedBase64(cut)).hasMessageContaining("decompress");
    }

    @Test
    void refusesGarbageAfterZstdFrame() {
        byte[] compressed = Zstd.compress(SnapshotSamples.records().getBytes(StandardCharsets.UTF_8));
        byte[] longer = Arrays.copyOf(compressed, compressed.length + 6);
        assertRejected("version=2|" + escapedBase64(longer)).hasMessageContaining("decompress");
    }

    @Test
    void refusesCompressedDataWithoutSnapshotSections() {
        assertRejected(SnapshotSamples.version3("virtualserver_name=Only\\sproperties"))
                .hasMessageContaining("end_virtualserver");
    }

    @Test
    void refusesLegacySnapshotWhoseContentWasAltered() {
        String snapshot = SnapshotSamples.legacy();
        assertRejected(snapshot.replace("virtualserver_maxclients=32", "virtualserver_maxclients=512"))
                .hasMessageContaining("hash does not match");
    }

    @Test
    void refusesLegacyHashThatIsNotSha1() {
        String records = SnapshotSamples.records();
        assertRejected("hash=abcd|" + records).hasMessageContaining("SHA-1");
    }

    @Test
    void refusesLegacySnapshotWithoutChannelSection() {
        String records = "virtualserver_name=x end_virtualserver|begin_clients client_id=1|end_clients";
        assertRejected(SnapshotSamples.legacy(records)).hasMessageContaining("begin_channels");
    }

    @Test
    void refusesLegacySnapshotWithSectionsOutOfOrder() {
        String records = "virtualserver_name=x end_virtualserver|end_channels|begin_channels channel_id=1";
        assertRejected(SnapshotSamples.legacy(records)).hasMessageContaining("out of order");
    }

    @Test
    void refusesLegacySnapshotWithEmptyRecord() {
        String records = SnapshotSamples.records().replace("|end_clients", "||end_clients");
        assertRejected(SnapshotSamples.legacy(records)).hasMessageContaining("empty record");
    }

    @Test
    void refusesUnexpectedFieldInVersion3Snapshot() {
        assertRejected(SnapshotSamples.version3().replace("version=3 ", "version=3 virtualserver_maxclients=999 "))
                .hasMessageContaining("unexpected field");
    }

    @Test
    void refusesPasswordProtectedSnapshot() {
        assertRejected(SnapshotSamples.version3().replace("version=3 ", "version=3 salt=abc\\/def "))
                .hasMessageContaining("password");
    }

    @Test
    void refusesDataFieldTwice() {
        String snapshot = SnapshotSamples.version3();
        String data = snapshot.substring("version=3 ".length());
        assertRejected(snapshot + " " + data).hasMessageContaining("malformed");
    }

    @Test
    void refusesUnknownVersion() {
        assertRejected(SnapshotSamples.version3().replace("version=3", "version=4")).hasMessageContaining("version");
        assertRejected(SnapshotSamples.version2().replace("version=2", "version=1")).hasMessageContaining("version");
    }

    @Test
    void refusesEmptyPayload() {
        assertRejected("").hasMessageContaining("empty");
    }

    @Test
    void refusesTextThatIsNotASnapshot() {
        assertRejected("serverdelete sid=1").hasMessageContaining("does not begin");
    }

    @Test
    void refusesPayloadOverTheSizeLimit() {
        SnapshotValidator small = new SnapshotValidator(1024);
        String snapshot = SnapshotSamples.legacy(SnapshotSamples.records("Big", 100));
        assertThatThrownBy(() -> small.validate(stream(snapshot)))
                .isInstanceOf(SnapshotRejectedException.class).hasMessageContaining("larger than the 1024 bytes");
    }

    @Test
    void refusesDataThatDecompressesBeyondTheLimit() {
        SnapshotValidator validatorWithSmallLimit = new SnapshotValidator(1024 * 1024, 1024 * 1024);
        byte[] bomb = Zstd.compress(new byte[8 * 1024 * 1024]);
        assertThatThrownBy(() -> validatorWithSmallLimit.validate(stream("version=3 data=" + escapedBase64(bomb))))
                .isInstanceOf(SnapshotRejectedException.class).hasMessageContaining("decompresses to more than 1 MiB");
    }

    @Test
    void reportsFailureOfTheStreamItselfAsIoException() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };
        assertThatThrownBy(() -> validator.validate(failing)).isInstanceOf(IOException.class).hasMessage("disk gone");
    }

    private SnapshotDialect validate(String snapshot) throws IOException {
        return validator.validate(stream(snapshot));
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String snapshot) {
        return assertThatThrownBy(() -> validate(snapshot)).isInstanceOf(SnapshotRejectedException.class);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
