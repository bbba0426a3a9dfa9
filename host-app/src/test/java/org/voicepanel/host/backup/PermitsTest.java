package org.voicepanel.host.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.ErrorCode;

class PermitsTest {

    @Test
    void oneMoreThanThePermitsIsPanelBusyUntilOneIsGivenBack() {
        Permits permits = new Permits(2, Duration.ZERO, "Busy.");
        Permits.Permit first = permits.take();
        try (Permits.Permit second = permits.take()) {
            assertThatThrownBy(permits::take).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.PANEL_BUSY);
                assertThat(e.getMessage()).isEqualTo("Busy.");
            });
        }
        try (Permits.Permit again = permits.take()) {
            assertThat(again).isNotNull();
        }
        first.close();
    }

    @Test
    void heavyOperationsAreSizedFromTheHeapAndNeverFewerThanOne() {
        long mib = 1024 * 1024;
        assertThat(BackupLimits.heavyOperationsFor(512 * mib, 256 * mib)).isEqualTo(1);
        assertThat(BackupLimits.heavyOperationsFor(2048 * mib, 256 * mib)).isEqualTo(7);
        assertThat(BackupLimits.heavyOperationsFor(96 * mib, 256 * mib)).isEqualTo(1);
    }
}
