package org.voicepanel.teamspeak.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.theholywaffle.teamspeak3.TS3Query.FloodRate;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.voicepanel.api.ProviderSettings;

class QuerySettingsTest {

    @Test
    void defaultsAreSafeForAServerThatHasNotAllowListedThePanel() {
        QuerySettings settings = QuerySettings.from(settings(Map.of()));

        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.commandTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.floodRate()).isSameAs(FloodRate.DEFAULT);
    }

    @Test
    void readsTheConfiguredValues() {
        QuerySettings settings = QuerySettings.from(settings(Map.of("connect-timeout-ms", "3000",
                "command-timeout-ms", "600000", "flood-rate", "Unlimited")));

        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.commandTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.floodRate()).isSameAs(FloodRate.UNLIMITED);
    }

    @Test
    void libraryTimeoutStaysAboveThePanelsDeadlines() {
        QuerySettings settings = QuerySettings.from(settings(Map.of()));

        assertThat(settings.libraryCommandTimeoutMillis()).isEqualTo(130_000);
    }

    @Test
    void refusesUnusableValuesAtStart() {
        assertThatThrownBy(() -> QuerySettings.from(settings(Map.of("flood-rate", "fast"))))
                .hasMessageContaining("flood-rate");
        assertThatThrownBy(() -> QuerySettings.from(settings(Map.of("command-timeout-ms", "0"))))
                .hasMessageContaining("command-timeout-ms");
        assertThatThrownBy(() -> QuerySettings.from(settings(Map.of("connect-timeout-ms", "ten"))))
                .hasMessageContaining("connect-timeout-ms");
    }

    private static ProviderSettings settings(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }
}
