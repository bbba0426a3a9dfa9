package org.voicepanel.host.snapshotfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SnapshotFileKeyTest {

    private final SnapshotFileKey key = Payloads.newKey();

    @Test
    void keyShowsOnlyItsIdWhenPrinted() {
        assertThat(key.toString()).isEqualTo("SnapshotFileKey[id=" + key.idHex() + "]");
        assertThat(key.idHex()).hasSize(16);
        assertThat(key.toString()).doesNotContain(Base64.getEncoder().encodeToString(key.material()));
    }

    @Test
    void keyOfTheWrongLengthIsRejected() {
        assertThatThrownBy(() -> new SnapshotFileKey(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derivedKeyIsStablePerPurposeAndUnrelatedToOthers() {
        byte[] passwords = key.derive("query-password");

        assertThat(passwords).hasSize(32).isEqualTo(new SnapshotFileKey(key.material()).derive("query-password"));
        assertThat(passwords).isNotEqualTo(key.derive("something-else")).isNotEqualTo(key.material());
        assertThat(passwords).isNotEqualTo(Payloads.newKey().derive("query-password"));
    }
}
