package org.example.voice;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.pf4j.Extension;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupException.Reason;
import org.voicepanel.api.BackupRequest;
import org.voicepanel.api.BackupRoutes;
import org.voicepanel.api.ConnectionField;
import org.voicepanel.api.ProviderContext;
import org.voicepanel.api.RestoreReport;
import org.voicepanel.api.SnapshotDownload;
import org.voicepanel.api.SnapshotInfo;
import org.voicepanel.api.SnapshotOrigin;
import org.voicepanel.api.UploadedSnapshot;
import org.voicepanel.api.VoiceBackupProvider;
import org.voicepanel.api.VoiceServerStatus;

/**
 * A provider for tests of the host, compiled into plugin jars at test time. Its voice server is
 * pretend: the whole configuration of one is a text starting with {@code testvoice-config}, kept
 * in the plugin's own table; snapshots are that text, sealed by the host, in another table. Both
 * tables are made by the plugin's Flyway script and named after the plugin id, so one source can
 * be packed as several plugins. The type served is baked in at packing time ({@link VoiceType}).
 *
 * <p>Three hosts are special, so tests can reach behaviour a real voice server shows only by
 * accident: writes on {@code slow.test} first wait {@code delay-millis} (a plugin setting), so
 * two requests overlap; on {@code broken.test} the status cannot be read and create and restore
 * fail as a bug would, with a plain exception full of internals the host must not show; and
 * {@code unreachable.test} answers nothing, as a voice server that is down; on {@code hanging.test} a status
 * read waits {@code status-delay-millis} and then finds the voice server down, as one that drops packets.
 *
 * <p>The port a pretend voice server reports is how many times its status has been read through this provider
 * instance, so a test can count the reads from outside the panel.
 */
@Extension
public final class TestVoiceProvider implements VoiceBackupProvider {

    static final String CONFIG_MAGIC = "testvoice-config";
    static final String CLOSE_CALLS = "close-calls.txt"; // TestPlugins.CLOSE_CALLS

    private final ProviderContext context;
    private final String snapshotTable;
    private final String serverTable;
    private final ConcurrentHashMap<Long, AtomicInteger> statusReads = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public TestVoiceProvider(ProviderContext context) {
        this.context = context;
        this.snapshotTable = context.pluginId() + "_snapshot";
        this.serverTable = context.pluginId() + "_server";
    }

    @Override
    public Set<String> voiceServerTypes() {
        return Set.of(VoiceType.NAME);
    }

    /** Its own words for what a connection needs; the host knows none of them. */
    @Override
    public List<ConnectionField> connectionFields(String type) {
        return List.of(ConnectionField.port("port"), ConnectionField.text("login").adminOnly(),
                ConnectionField.secret("password"));
    }

    /** Also appends a line to {@link #CLOSE_CALLS} in the work folder: tests of the host count them. */
    @Override
    public void close() {
        closed = true;
        try {
            java.nio.file.Files.createDirectories(context.workDir());
            java.nio.file.Files.writeString(context.workDir().resolve(CLOSE_CALLS), "closed\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void registerRoutes(BackupRoutes routes) {
        routes.list(this::list)
                .status(this::status)
                .create(this::create)
                .upload(this::upload)
                .download(this::download)
                .delete(this::delete)
                .restore(this::restore);
    }

    private List<SnapshotInfo> list(BackupRequest request) {
        return sql(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, created_at, size, sha256, origin,"
                    + " created_by FROM " + snapshotTable + " WHERE service_id = ? ORDER BY id DESC")) {
                select.setLong(1, request.service().serviceId());
                List<SnapshotInfo> snapshots = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        snapshots.add(SnapshotInfo.builder(rs.getLong(1)).createdAt(rs.getTimestamp(2).toInstant())
                                .size(rs.getLong(3)).sha256(rs.getString(4))
                                .origin(SnapshotOrigin.valueOf(rs.getString(5))).createdBy(rs.getString(6)).build());
                    }
                }
                return snapshots;
            }
        });
    }

    private VoiceServerStatus status(BackupRequest request) {
        int reads = statusReads.computeIfAbsent(request.service().serviceId(), id -> new AtomicInteger())
                .incrementAndGet();
        String host = request.service().host();
        if ("hanging.test".equals(host)) {
            try {
                Thread.sleep(context.settings().getLong("status-delay-millis", 0));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if ("broken.test".equals(host) || "unreachable.test".equals(host) || "hanging.test".equals(host)) {
            throw new BackupException(Reason.VOICESERVER_UNAVAILABLE, "The voice server does not answer.");
        }
        return VoiceServerStatus.of("online", request.service().slots()).withPort(reads);
    }

    private long create(BackupRequest request) {
        actLikeTheHost(request);
        byte[] config = currentConfig(request.service().serviceId()).getBytes(StandardCharsets.UTF_8);
        return store(request, config, SnapshotOrigin.CREATED);
    }

    private long upload(BackupRequest request, UploadedSnapshot snapshot) {
        actLikeTheHost(request);
        if (snapshot.external()) {
            throw new BackupException(Reason.SNAPSHOT_FILE_INVALID, "Only snapshot files of this panel are accepted.");
        }
        byte[] payload;
        try (InputStream in = snapshot.open()) {
            payload = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!new String(payload, StandardCharsets.UTF_8).startsWith(CONFIG_MAGIC)) {
            throw new BackupException(Reason.SNAPSHOT_FILE_INVALID, "The file holds no test voice configuration.");
        }
        return store(request, payload, SnapshotOrigin.UPLOADED);
    }

    private Optional<SnapshotDownload> download(BackupRequest request, long snapshotId) {
        return file(request, snapshotId).map(sealed -> new SnapshotDownload() {
            @Override
            public String fileName() {
                return VoiceType.NAME + "-" + request.service().serviceId() + "-" + snapshotId + ".snapshot";
            }

            @Override
            public long size() {
                return sealed.length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(sealed);
            }
        });
    }

    private void delete(BackupRequest request, long snapshotId) {
        actLikeTheHost(request);
        int deleted = sql(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + snapshotTable + " WHERE id = ? AND service_id = ?")) {
                delete.setLong(1, snapshotId);
                delete.setLong(2, request.service().serviceId());
                return delete.executeUpdate();
            }
        });
        if (deleted == 0) {
            throw notFound(snapshotId);
        }
    }

    private RestoreReport restore(BackupRequest request, long snapshotId) {
        actLikeTheHost(request);
        byte[] sealed = file(request, snapshotId).orElseThrow(() -> notFound(snapshotId));
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try {
            context.sealer().unseal(new ByteArrayInputStream(sealed), payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String config = payload.toString(StandardCharsets.UTF_8);
        sql(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + serverTable
                    + " (service_id, config) VALUES (?, ?) ON DUPLICATE KEY UPDATE config = VALUES(config)")) {
                upsert.setLong(1, request.service().serviceId());
                upsert.setString(2, config);
                return upsert.executeUpdate();
            }
        });
        return config.contains("unrestorable") ? RestoreReport.builder()
                .notRestored("The line marked unrestorable stays as it was.").build() : RestoreReport.complete();
    }

    /** The slow and broken hosts, see the class comment. */
    private void actLikeTheHost(BackupRequest request) {
        if (closed) {
            throw new IllegalStateException("the provider was closed");
        }
        String host = request.service().host();
        if ("slow.test".equals(host)) {
            try {
                Thread.sleep(context.settings().getLong("delay-millis", 0));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if ("unreachable.test".equals(host)) {
            throw new BackupException(Reason.VOICESERVER_UNAVAILABLE, "The voice server does not answer.");
        }
        if ("broken.test".equals(host)) {
            throw new IllegalStateException(
                    "SELECT secret FROM org.example.voice.Internals failed at /srv/voice/secret.db");
        }
    }

    private String currentConfig(long serviceId) {
        return sql(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT config FROM " + serverTable + " WHERE service_id = ?")) {
                select.setLong(1, serviceId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? rs.getString(1) : CONFIG_MAGIC + "\nservice=" + serviceId + "\nfactory settings\n";
                }
            }
        });
    }

    private long store(BackupRequest request, byte[] payload, SnapshotOrigin origin) {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        try {
            context.sealer().seal(new ByteArrayInputStream(payload), sealed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] file = sealed.toByteArray();
        return sql(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + snapshotTable
                    + " (service_id, created_at, size, sha256, origin, created_by, file) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, request.service().serviceId());
                insert.setTimestamp(2, Timestamp.from(context.clock().instant()));
                insert.setLong(3, file.length);
                insert.setString(4, sha256(file));
                insert.setString(5, origin.name());
                insert.setString(6, request.actor());
                insert.setBytes(7, file);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    private Optional<byte[]> file(BackupRequest request, long snapshotId) {
        return sql(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT file FROM " + snapshotTable + " WHERE id = ? AND service_id = ?")) {
                select.setLong(1, snapshotId);
                select.setLong(2, request.service().serviceId());
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    private static BackupException notFound(long snapshotId) {
        return new BackupException(Reason.SNAPSHOT_NOT_FOUND, "There is no snapshot " + snapshotId + " of this service.");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T sql(Work<T> work) {
        try (Connection connection = context.dataSource().getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new BackupException(Reason.STORAGE_UNAVAILABLE, "The test voice storage failed.", e);
        }
    }
}
