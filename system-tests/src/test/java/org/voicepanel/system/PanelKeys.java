package org.voicepanel.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.voicepanel.api.SnapshotFileSealer;
import org.voicepanel.host.keys.PanelKeysets;
import org.voicepanel.host.snapshotfile.KeysetSnapshotFileSealer;

/**
 * The keysets the tests give their panels ({@code panel.keys-dir}), one folder per test run, so that panels on one
 * database open each other's files and a test can seal files as the panel would, or with other keys.
 */
public final class PanelKeys {

    private static final Path FOLDER = PanelProcess.buildDir().resolve("keys").resolve(
            Long.toString(ProcessHandle.current().pid()));
    private static PanelKeysets panel;
    private static PanelKeysets foreign;

    private PanelKeys() {
    }

    public static synchronized String arg() {
        keysets();
        return "--panel.keys-dir=" + FOLDER;
    }

    /** Seals exactly as a panel started with {@link #arg()} does. */
    public static SnapshotFileSealer panelSealer() {
        return new KeysetSnapshotFileSealer(keysets());
    }

    /** Seals as a panel with other keys does. */
    public static synchronized SnapshotFileSealer foreignSealer() {
        if (foreign == null) {
            try {
                foreign = PanelKeysets.in(Files.createDirectories(FOLDER.resolveSibling(FOLDER.getFileName()
                        + "-foreign")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new KeysetSnapshotFileSealer(foreign);
    }

    private static synchronized PanelKeysets keysets() {
        if (panel == null) {
            panel = PanelKeysets.in(FOLDER);
        }
        return panel;
    }
}
