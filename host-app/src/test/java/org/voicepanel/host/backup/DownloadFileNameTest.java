package org.voicepanel.host.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;

class DownloadFileNameTest {

    @Test
    void anOrdinaryNameIsQuotedAsItIs() {
        assertThat(DownloadFileName.contentDisposition("snapshot-7.vpsnap"))
                .startsWith("attachment; filename=\"snapshot-7.vpsnap\"");
    }

    @Test
    void quotesAndBackslashesCannotEndTheQuotedName() {
        String header = DownloadFileName.contentDisposition("a\"; filename=evil.exe");
        assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo("a\"; filename=evil.exe");
        assertThat(header).startsWith("attachment; filename=\"a\\\"; filename=evil.exe\"; filename*=UTF-8''a%22");
    }

    @Test
    void lineBreaksAndOtherControlCharactersNeverReachTheHeader() {
        String header = DownloadFileName.contentDisposition("snap\r\nSet-Cookie: x=1\u0000\u001b.vpsnap");
        assertThat(header).doesNotContain("\r", "\n", "\u0000", "\u001b");
        assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo("snapSet-Cookie: x=1.vpsnap");
    }

    @Test
    void onlyTheLastPathSegmentIsKept() {
        assertThat(DownloadFileName.safe("../../etc/passwd")).isEqualTo("passwd");
        assertThat(DownloadFileName.safe("C:\\Users\\x\\snap.vpsnap")).isEqualTo("snap.vpsnap");
        assertThat(DownloadFileName.safe("..")).isEqualTo("snapshot");
        assertThat(DownloadFileName.safe("dir/")).isEqualTo("snapshot");
        assertThat(DownloadFileName.safe(null)).isEqualTo("snapshot");
        assertThat(DownloadFileName.safe(".hidden")).isEqualTo("hidden");
    }

    @Test
    void nonAsciiNamesTravelInFilenameStarAndComeBackWhole() {
        String header = DownloadFileName.contentDisposition("Ünïcødé 🎧 сервер.vpsnap");
        // the plain filename keeps what ISO-8859-1 can say; the whole name travels percent-encoded
        assertThat(header).matches("[\\x20-\\xFF]*").contains("filename*=UTF-8''%C3%9Cn%C3%AFc");
        ContentDisposition parsed = ContentDisposition.parse(header);
        assertThat(parsed.getFilename()).isEqualTo("Ünïcødé 🎧 сервер.vpsnap");
        assertThat(parsed.getCharset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aVeryLongNameIsCut() {
        assertThat(DownloadFileName.safe("x".repeat(10_000))).hasSize(DownloadFileName.MAX_LENGTH);
    }
}
