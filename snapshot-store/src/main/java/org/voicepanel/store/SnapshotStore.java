package org.voicepanel.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.voicepanel.api.SnapshotDownload;
import org.voicepanel.api.SnapshotFileResealer;
import org.voicepanel.api.SnapshotFileSealer;
import org.voicepanel.api.SnapshotInfo;
import org.voicepanel.api.SnapshotOrigin;

/**
 * Keeps a plugin's sealed snapshot files in the panel's MariaDB: one {@code <prefix>_snapshot} row each,
 * the file in {@code <prefix>_snapshot_chunk} rows of at most 1 MiB (the plugin creates both tables with
 * its own migration, see this module's README). Every query filters by service, so a snapshot id of
 * another service is simply not found.
 *
 * <p>A file is sealed and written inside one transaction together with its row: a failure, or a crash
 * half-way, leaves nothing visible; so is a file sealed again after a key rotation ({@link #resealer()}), which
 * leaves the old file whole until it commits. Files are streamed both ways, never held whole. Database failures
 * are reported as {@code STORAGE_UNAVAILABLE}. Thread-safe; one instance per plugin lives as long as
 * its provider.
 */
public final class SnapshotStore {

    /** Each chunk is well below MariaDB's default 16 MiB max_allowed_packet. */
    public static final int CHUNK_SIZE = 1024 * 1024;

    private static final int LONGEST_CREATOR = 255;
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,40}");
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,15}");
    static final String COLUMNS =
            "id, service_id, created_at, size, sha256, origin, created_by, format, chunk_count";
    private static final String ROW_COLUMNS =
            "s.id, s.service_id, s.created_at, s.size, s.sha256, s.origin, s.created_by, s.format, s.chunk_count";

    private final Jdbi jdbi;
    private final SnapshotFileSealer sealer;
    private final Clock clock;
    private final int chunkSize;
    private final String snapshotTable;
    private final String chunkTable;

    /** @param tablePrefix the plugin's table prefix, such as {@code ts3} for {@code ts3_snapshot} */
    public SnapshotStore(DataSource dataSource, SnapshotFileSealer sealer, Clock clock, String tablePrefix) {
        this(Jdbi.create(dataSource), sealer, clock, tablePrefix, CHUNK_SIZE);
    }

    SnapshotStore(Jdbi jdbi, SnapshotFileSealer sealer, Clock clock, String tablePrefix, int chunkSize) {
        if (!PREFIX.matcher(tablePrefix).matches()) {
            throw new IllegalArgumentException("A table prefix is lower-case letters, digits and underscores");
        }
        this.jdbi = jdbi;
        this.sealer = sealer;
        this.clock = clock;
        this.chunkSize = chunkSize;
        this.snapshotTable = tablePrefix + "_snapshot";
        this.chunkTable = tablePrefix + "_snapshot_chunk";
    }

    /**
     * What is known about a snapshot before it is stored.
     *
     * @param format the plugin's name for the format inside the file (at most 16 letters, digits, dots,
     *               dashes), kept so that a later version can tell its files apart
     */
    public record NewSnapshot(long serviceId, SnapshotOrigin origin, String createdBy, String format) {

        public NewSnapshot {
            if (!FORMAT.matcher(format).matches()) {
                throw new IllegalArgumentException("A snapshot format name is short lower-case text: " + format);
            }
        }
    }

    /**
     * Seals the payload (read to its end) with the host's sealer and stores the sealed file.
     *
     * @return the new snapshot's id
     * @throws IOException when reading the payload or sealing it fails; nothing is stored then
     */
    public long save(NewSnapshot snapshot, InputStream payload) throws IOException {
        LocalDateTime createdAt = LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
        try {
            return jdbi.inTransaction(handle -> {
                ChunkWriter chunks = new ChunkWriter(handle, chunkTable, whole -> handle.createUpdate("INSERT INTO "
                                + snapshotTable + " (service_id, created_at, size, sha256, origin, created_by, format,"
                                + " chunk_count) VALUES (:service, :createdAt, :size, :sha256, :origin, :createdBy,"
                                + " :format, :chunks)")
                        .bind("service", snapshot.serviceId())
                        .bind("createdAt", createdAt)
                        .bind("size", whole == null ? 0 : whole.size())
                        .bind("sha256", whole == null ? "" : whole.sha256Hex())
                        .bind("chunks", whole == null || whole.size() == 0 ? 0 : 1)
                        .bind("origin", snapshot.origin().wireName())
                        .bind("createdBy", truncate(snapshot.createdBy()))
                        .bind("format", snapshot.format())
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one(), chunkSize);
                sealer.seal(payload, chunks);
                chunks.close();
                if (!chunks.rowWhole()) {
                    handle.createUpdate("UPDATE " + snapshotTable + " SET size = :size, sha256 = :sha256,"
                                    + " chunk_count = :chunks WHERE id = :id")
                            .bind("size", chunks.size())
                            .bind("sha256", chunks.sha256Hex())
                            .bind("chunks", chunks.chunkCount())
                            .bind("id", chunks.snapshotId())
                            .execute();
                }
                return chunks.snapshotId();
            });
        } catch (JdbiException e) {
            throw StorageFailures.unavailable(e);
        }
    }

    /** The service's snapshots, newest first. */
    public List<StoredSnapshot> list(long serviceId) {
        try {
            return jdbi.withHandle(handle -> handle
                    .createQuery("SELECT " + COLUMNS + " FROM " + snapshotTable + " WHERE service_id = :service"
                            + " ORDER BY created_at DESC, id DESC")
                    .bind("service", serviceId)
                    .map((rs, ctx) -> row(rs, snapshotTable))
                    .list());
        } catch (JdbiException e) {
            throw StorageFailures.unavailable(e);
        }
    }

    public Optional<StoredSnapshot> find(long serviceId, long snapshotId) {
        try {
            return jdbi.withHandle(handle -> handle
                    .createQuery("SELECT " + COLUMNS + " FROM " + snapshotTable + " WHERE id = :id AND service_id = :service")
                    .bind("id", snapshotId)
                    .bind("service", serviceId)
                    .map((rs, ctx) -> row(rs, snapshotTable))
                    .findOne());
        } catch (JdbiException e) {
            throw StorageFailures.unavailable(e);
        }
    }

    /**
     * The sealed file as stored. It is read chunk by chunk and fails with {@link DamagedSnapshotException}
     * at its end if it does not match the recorded SHA-256.
     */
    public InputStream openSealed(StoredSnapshot snapshot) {
        return new ChunkReader(jdbi, snapshotTable, chunkTable, snapshot);
    }

    /** Reads the sealed file and writes its payload, checked by the sealer and against the recorded SHA-256. */
    public void unseal(StoredSnapshot snapshot, OutputStream payload) throws IOException {
        try (InputStream sealed = openSealed(snapshot)) {
            sealer.unseal(sealed, payload);
        }
    }

    /** The service's snapshots as the list route shows them, newest first. */
    public List<SnapshotInfo> infos(long serviceId) {
        return list(serviceId).stream().map(StoredSnapshot::toInfo).toList();
    }

    /**
     * A stored file as a download, streamed chunk by chunk; empty when the service has none such. The row and
     * the first chunk come in one query, so a file of one chunk, as most are, costs a download one statement.
     */
    public Optional<SnapshotDownload> download(long serviceId, long snapshotId, String fileNamePrefix) {
        try {
            return jdbi.withHandle(handle -> handle
                    .createQuery("SELECT " + ROW_COLUMNS + ", c.data FROM " + snapshotTable + " s"
                            + " LEFT JOIN " + chunkTable + " c ON c.snapshot_id = s.id AND c.seq = 0"
                            + " WHERE s.id = :id AND s.service_id = :service")
                    .bind("id", snapshotId)
                    .bind("service", serviceId)
                    .map((rs, ctx) -> {
                        StoredSnapshot found = row(rs, snapshotTable);
                        return new StoredSnapshotDownload(this,
                                new ChunkReader(jdbi, snapshotTable, chunkTable, found, rs.getBytes(10)),
                                found, fileNamePrefix);
                    })
                    .findOne()
                    .map(SnapshotDownload.class::cast));
        } catch (JdbiException e) {
            throw StorageFailures.unavailable(e);
        }
    }

    /** Deletes a snapshot and its chunks (by cascade) in one transaction; false when the service has none such. */
    public boolean delete(long serviceId, long snapshotId) {
        try {
            return jdbi.inTransaction(handle -> handle
                    .createUpdate("DELETE FROM " + snapshotTable + " WHERE id = :id AND service_id = :service")
                    .bind("id", snapshotId)
                    .bind("service", serviceId)
                    .execute() == 1);
        } catch (JdbiException e) {
            throw StorageFailures.unavailable(e);
        }
    }

    /** The ids of the service's snapshots, oldest first. */
    public List<Long> ids(long serviceId) {
        try {
            return jdbi.withHandle(handle -> handle
                    .createQuery("SELECT id FROM " + snapshotTable + " WHERE service_id = :service ORDER BY id")
                    .bind("service", serviceId)
                    .mapTo(Long.class)
                    .list());
        } catch (JdbiException e) {
            throw StorageFailures.unavailable(e);
        }
    }

    /** This store as the host's re-seal after a key rotation sees it; return it from the provider's resealer. */
    public SnapshotFileResealer resealer() {
        return new StoredFileResealer(this, jdbi, sealer, snapshotTable, chunkTable, chunkSize);
    }

    /** By position in {@link #COLUMNS}: the driver's lookup by name showed up in the profile of long lists. */
    static StoredSnapshot row(ResultSet rs, String table) throws SQLException {
        return new StoredSnapshot(
                rs.getLong(1),
                rs.getLong(2),
                rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getLong(4),
                rs.getString(5),
                origin(rs.getString(6), table),
                rs.getString(7),
                rs.getString(8),
                rs.getInt(9));
    }

    private static SnapshotOrigin origin(String stored, String table) throws SQLException {
        for (SnapshotOrigin origin : SnapshotOrigin.values()) {
            if (origin.wireName().equals(stored)) {
                return origin;
            }
        }
        throw new SQLException("Unknown snapshot origin '" + stored + "' in " + table + ".");
    }

    private static String truncate(String creator) {
        if (creator.length() <= LONGEST_CREATOR) {
            return creator;
        }
        int end = LONGEST_CREATOR;
        if (Character.isHighSurrogate(creator.charAt(end - 1))) {
            end--;
        }
        return creator.substring(0, end);
    }
}
