package org.voicepanel.system.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import org.voicepanel.system.PanelApi.Customer;
import org.voicepanel.system.PanelProcess;

/**
 * A 64 MB snapshot through a panel whose heap is capped at 256 MB: upload (a plain TeamSpeak snapshot, which the
 * panel validates, seals and stores), download and restore, each next to its direct counterpart.
 */
final class BigFileScenario {

    /** The slots of the service the panel restores onto ({@code PanelBenchmark#bigFile}). */
    static final int SLOTS = 32;

    private final DirectWork direct;
    private final Report report;

    BigFileScenario(DirectWork direct, Report report) {
        this.direct = direct;
        this.report = report;
    }

    void run(PanelProcess panel, Path gcLog, Customer customer, int virtualServerId, String snapshot,
             Connection connection) throws Exception {
        PanelHttp http = new PanelHttp(panel.baseUrl());
        byte[] bytes = snapshot.getBytes(StandardCharsets.UTF_8);
        String size = Figures.megabytes(bytes.length);

        long started = System.nanoTime();
        PanelHttp.Reply uploaded = http.postBytes(customer.backups() + "/upload", customer.token(), bytes);
        long uploadNanos = System.nanoTime() - started;
        if (uploaded.status() != 201) {
            throw new IllegalStateException("the " + size + " upload answered " + uploaded.status() + " "
                    + uploaded.text() + "\n" + tail(panel));
        }
        long snapshotId = Long.parseLong(uploaded.text().replaceAll(".*\"id\":(\\d+).*", "$1"));
        started = System.nanoTime();
        DirectWork.insert(connection, bytes);
        long insertNanos = System.nanoTime() - started;
        report.add(Row.timed("Upload " + size + " (plain TeamSpeak snapshot) into a panel with -Xmx256m;"
                + " baseline: JDBC insert of the same bytes", uploadNanos, insertNanos, "succeeds in 256 MB heap", true));

        started = System.nanoTime();
        PanelHttp.Reply downloaded = http.get(customer.backups() + "/" + snapshotId, customer.token(),
                "application/octet-stream");
        long downloadNanos = System.nanoTime() - started;
        if (downloaded.status() != 200) {
            throw new IllegalStateException("the download answered " + downloaded.status() + "\n" + tail(panel));
        }
        started = System.nanoTime();
        long read = DirectWork.readChunks(connection, snapshotId, new byte[64 * 1024]);
        long readNanos = System.nanoTime() - started;
        report.add(Row.timed("Download of it (" + Figures.megabytes(downloaded.bytes()) + " sealed file);"
                + " baseline: JDBC read of its " + Figures.megabytes(read) + " of chunks", downloadNanos, readNanos,
                "", null));

        started = System.nanoTime();
        PanelHttp.Reply restored = http.post(customer.backups() + "/" + snapshotId + "/restore", customer.token());
        long restoreNanos = System.nanoTime() - started;
        boolean restoredOk = restored.status() == 200;
        if (!restoredOk) {
            report.add(new Row("Restore of it: failed, " + restored.status() + " " + restored.text(), "—", "—", "—",
                    "succeeds in 256 MB heap", false));
            System.out.println(tail(panel));
        } else {
            started = System.nanoTime();
            direct.restoreSnapshot(virtualServerId, snapshot, SLOTS);
            long deployNanos = System.nanoTime() - started;
            report.add(Row.timed("Restore of it (deploy, slots, restart, check);"
                    + " baseline: the same steps with ts3-api: connect, login, use, serversnapshotdeploy, serveredit"
                    + " of the slots, serverinfo, serverstop, serverstart, use, serverinfo, quit", restoreNanos, deployNanos,
                    "succeeds in 256 MB heap", true));
        }

        long heap = PanelMemory.peakHeapBytes(gcLog);
        long rss = PanelMemory.peakRssBytes(panel.pid());
        report.add(new Row("Peak heap / peak RSS of the -Xmx256m panel over start, upload, download and restore",
                Figures.megabytes(heap) + " / " + Figures.megabytes(rss), "—", "—", "round trip within 256 MB heap",
                // the heap cannot outgrow -Xmx; what can go wrong is running out of it on the way
                restoredOk && panel.isAlive() && !panel.output().contains("OutOfMemoryError")));
        report.note("Peak heap is the largest heap occupancy in the panel's GC log (" + PanelMemory.collections(gcLog)
                + " collections; the occupancy just before a collection), peak RSS is VmHWM from /proc.");
    }

    private static String tail(PanelProcess panel) throws java.io.IOException {
        String output = panel.output();
        return output.substring(Math.max(0, output.length() - 4000));
    }
}
