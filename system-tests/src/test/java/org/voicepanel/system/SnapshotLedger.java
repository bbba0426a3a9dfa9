package org.voicepanel.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.voicepanel.system.PanelApi.Answer;
import org.voicepanel.system.PanelApi.Customer;
import tools.jackson.databind.JsonNode;

/**
 * What a customer has stored, as they would see it: the snapshot list and every file byte for
 * byte. Taken before a fault and compared after it, it shows that nothing was lost, altered, or
 * half written.
 */
public record SnapshotLedger(JsonNode list, Map<Long, byte[]> files) {

    public static SnapshotLedger of(PanelApi api, Customer customer) throws IOException {
        Answer answer = api.get(customer.backups(), customer.token());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode list = answer.data().path("snapshots");
        Map<Long, byte[]> files = new LinkedHashMap<>();
        for (JsonNode snapshot : list) {
            long id = snapshot.path("snapshot_id").asLong();
            Answer file = api.get(customer.backups() + "/" + id, customer.token(), "Accept", "application/octet-stream");
            assertThat(file.status()).as("snapshot %d: %s", id, file).isEqualTo(200);
            files.put(id, file.body());
        }
        return new SnapshotLedger(list, files);
    }

    /** Fails unless the customer's snapshots are exactly as recorded here. */
    public void assertUnchanged(PanelApi api, Customer customer) throws IOException {
        SnapshotLedger now = of(api, customer);
        assertThat(now.list()).as("the snapshot list").isEqualTo(list);
        assertThat(now.files().keySet()).isEqualTo(files.keySet());
        files.forEach((id, bytes) -> assertThat(now.files().get(id)).as("snapshot %d", id).isEqualTo(bytes));
    }

    public int size() {
        return files.size();
    }
}
