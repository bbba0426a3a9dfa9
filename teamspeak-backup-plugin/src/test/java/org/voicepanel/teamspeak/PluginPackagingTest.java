package org.voicepanel.teamspeak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pf4j.Extension;

/**
 * What PF4J and the host need from the compiled plugin. That the host builds the provider from its context is
 * {@link TeamSpeakProviderContractTest}'s part; that PF4J loads the shaded jar, the end-to-end tests'.
 */
class PluginPackagingTest {

    @Test
    void annotationProcessorListsTheProviderInExtensionsIndex() throws IOException {
        List<String> indexed = new ArrayList<>();
        for (URL index : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = index.openStream()) {
                indexed.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            }
        }

        assertThat(indexed).contains(TeamSpeakBackupProvider.class.getName());
        assertThat(TeamSpeakBackupProvider.class).hasAnnotation(Extension.class);
    }

    @Test
    void migrationsAreWhereTheHostLooksForThem() {
        assertThat(getClass().getClassLoader().getResource("db/migration/teamspeak/V1__snapshot_tables.sql"))
                .isNotNull();
    }
}
