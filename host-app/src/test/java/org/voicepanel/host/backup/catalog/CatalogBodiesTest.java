package org.voicepanel.host.backup.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voicepanel.host.web.JsonBodies.checked;
import static org.voicepanel.host.web.JsonBodies.refusal;

import org.junit.jupiter.api.Test;

/** The bodies of a snapshot's label and of a service's backup limits. */
class CatalogBodiesTest {

    private static final String LABEL_RULE = "The field label must be text of at most 100 characters, without line"
            + " breaks or control characters.";

    @Test
    void aLabelIsOneLineOfAtMost100Characters() {
        assertThat(checked("{\"label\":\"before the clan war\"}", CatalogController.NewLabel.class).label())
                .isEqualTo("before the clan war");
        assertThat(checked("{\"label\":null}", CatalogController.NewLabel.class).label()).isNull();
        assertThat(checked("{\"label\":\"" + "x".repeat(100) + "\"}", CatalogController.NewLabel.class).label())
                .hasSize(100);

        assertThat(refusal("{\"label\":\"two\\nlines\"}", CatalogController.NewLabel.class)).isEqualTo(LABEL_RULE);
        assertThat(refusal("{\"label\":\"" + "x".repeat(101) + "\"}", CatalogController.NewLabel.class))
                .isEqualTo(LABEL_RULE);
        assertThat(refusal("{\"title\":\"x\"}", CatalogController.NewLabel.class))
                .isEqualTo("The field title is not part of this request.");
    }

    @Test
    void limitsLeftOutStayUnsetAndEachOutOfRangeOneIsNamed() {
        CatalogController.NewLimits limits = checked("{\"max_snapshots\":10,\"max_bytes\":50000000000}",
                CatalogController.NewLimits.class);
        assertThat(limits.maxSnapshots()).isEqualTo(10);
        assertThat(limits.maxBytes()).isEqualTo(50_000_000_000L);
        assertThat(limits.minIntervalHours()).isNull();

        assertThat(refusal("{\"max_snapshots\":-1,\"min_interval_hours\":169,\"max_bytes\":-5}",
                CatalogController.NewLimits.class)).isEqualTo("The field max_bytes must be a whole number of 0 or more."
                + " The field max_snapshots must be a whole number from 0 to 100000."
                + " The field min_interval_hours must be a whole number from 1 to 168.");
        assertThat(refusal("{\"max_snapshot\":1}", CatalogController.NewLimits.class))
                .isEqualTo("The field max_snapshot is not part of this request.");
    }
}
