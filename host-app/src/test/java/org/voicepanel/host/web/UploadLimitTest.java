package org.voicepanel.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadLimitTest {

    @Test
    void limitIsNamedInTheLargestWholeUnit() {
        assertThat(UploadLimit.describe(64L * 1024 * 1024)).isEqualTo("64 MiB");
        assertThat(UploadLimit.describe(1536L * 1024)).isEqualTo("1536 KiB");
        assertThat(UploadLimit.describe(1000)).isEqualTo("1000 bytes");
    }
}
