package org.voicepanel.teamspeak.snapshot;

import java.util.List;

/**
 * Checks the section layout of a snapshot's records: server properties closed by {@code end_virtualserver},
 * then channels, then (when present) clients and permissions, each marker once and in this order
 * (docs/teamspeak.md 2.2). The markers are bare keys. Not thread-safe; one instance per check.
 */
final class SectionMarkers {

    private static final List<String> ORDER = List.of("end_virtualserver", "begin_channels", "end_channels",
            "begin_clients", "end_clients", "begin_permissions", "end_permissions");

    private final boolean[] seen = new boolean[ORDER.size()];
    private int last = -1;

    /** Notes a bare key; keys that are not section markers are ignored. */
    void see(CharSequence bareKey) {
        int index = ORDER.indexOf(bareKey.toString());
        if (index < 0) {
            return;
        }
        if (seen[index]) {
            throw new SnapshotRejectedException("its section marker " + ORDER.get(index) + " appears twice");
        }
        if (index < last) {
            throw new SnapshotRejectedException("its sections are out of order (" + ORDER.get(index) + " after "
                    + ORDER.get(last) + ")");
        }
        seen[index] = true;
        last = index;
    }

    void requireComplete() {
        for (int required = 0; required <= 2; required++) {
            if (!seen[required]) {
                throw new SnapshotRejectedException("it lacks the section marker " + ORDER.get(required));
            }
        }
        for (int begin = 3; begin < ORDER.size(); begin += 2) {
            if (seen[begin] != seen[begin + 1]) {
                String missing = ORDER.get(seen[begin] ? begin + 1 : begin);
                throw new SnapshotRejectedException("it lacks the section marker " + missing);
            }
        }
    }
}
