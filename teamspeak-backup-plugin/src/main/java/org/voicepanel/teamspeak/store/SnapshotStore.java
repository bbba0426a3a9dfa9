package org.voicepanel.teamspeak.store;

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
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.voicepanel.api.SnapshotFileSealer;
import org.voicepanel.api.SnapshotOrigin;
import org.voicepanel.teamspeak.snapshot.SnapshotDialect;

/**
 * Keeps sealed snapshot files in MariaDB: one {@code ts3_snapshot} row each, the file in chunks of at
 * most 1 MiB. Every query filters by service, so a snapshot id of another service is simply not found.
 *
 * <p>A file is sealed and written inside one transaction together with its row: a failure, or a crash
 * half-way, leaves nothing visible. Database failures are reported as {@code STORAGE_UNAVAILABLE}.
 * Thread-safe.
 */
public final class SnapshotStore {

    /** Each chunk is well below MariaDB's default 16 MiB max_allowed_packet. */
    public static final int CHUNK_SIZE = 1024 * 1024;

    private static final int LONGEST_CREATOR = 255;
    private static final String COLUMNS =
            "id, service_id, created_at, size, sha256, origin, created_by, dialect, chunk_count";

    private final Jdbi jdbi;
    private final SnapshotFileSealer sealer;
    private final Clock clock;
    private final int chunkSize;

    public SnapshotStore(DataSource dataSource, SnapshotFileSealer sealer, Clock clock) {
        this(Jdbi.create(dataSource), sealer, clock, CHUNK_SIZE);
    }

    SnapshotStore(Jdbi jdbi, SnapshotFileSealer sealer, Clock clock, int chunkSize) {
        this.jdbi = jdbi;
        this.sealer = sealer;
        this.clock = clock;
        this.chunkSize = chunkSize;
    }

    /** What is known about a snapshot before it is stored. */
    public record NewSnapshot(long serviceId, SnapshotOrigin origin, String createdBy, SnapshotDialect dialect) {
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
                long id = handle.createUpdate("INSERT INTO ts3_snapshot (service_id, created_at, size, sha256, origin,"
                                + " created_by, dialect, chunk_count) VALUES (:service, :createdAt, 0, '', :origin,"
                                + " :createdBy, :dialect, 0)")
                        .bind("service", snapshot.serviceId())
                        .bind("createdAt", createdAt)
                        .bind("origin", snapshot.origin().wireName())
                        .bind("createdBy", truncate(snapshot.createdBy()))
                        .bind("dialect", snapshot.dialect().storedName())
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one();
                ChunkWriter chunks = new ChunkWriter(handle, id, chunkSize);
                sealer.seal(payload, chunks);
                chunks.close();
                handle.createUpdate("UPDATE ts3_snapshot SET size = :size, sha256 = :sha256, chunk_count = :chunks"
                                + " WHERE id = :id")
                        .bind("size", chunks.size())
                        .bind("sha256", chunks.sha256Hex())
                        .bind("chunks", chunks.chunkCount())
                        .bind("id", id)
                        .execute();
                return id;
            });
        } catch (JdbiException e) {
            throw StorageFailures.unavailable(e);
        }
    }

    /** The service's snapshots, newest first. */
    public List<StoredSnapshot> list(long serviceId) {
        try {
            return jdbi.withHandle(handle -> handle
                    .createQuery("SELECT " + COLUMNS + " FROM ts3_snapshot WHERE service_id = :service"
                            + " ORDER BY created_at DESC, id DESC")
                    .bind("service", serviceId)
                    .map((rs, ctx) -> row(rs))
                    .list());
        } catch (JdbiException e) {
            throw StorageFailures.unavailable(e);
        }
    }

    public Optional<StoredSnapshot> find(long serviceId, long snapshotId) {
        try {
            return jdbi.withHandle(handle -> handle
                    .createQuery("SELECT " + COLUMNS + " FROM ts3_snapshot WHERE id = :id AND service_id = :service")
                    .bind("id", snapshotId)
                    .bind("service", serviceId)
                    .map((rs, ctx) -> row(rs))
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
        return new ChunkReader(jdbi, snapshot);
    }

    /** Reads the sealed file and writes its payload, checked by the sealer and against the recorded SHA-256. */
    public void unseal(StoredSnapshot snapshot, OutputStream payload) throws IOException {
        try (InputStream sealed = openSealed(snapshot)) {
            sealer.unseal(sealed, payload);
        }
    }

    /** Deletes a snapshot and its chunks (by cascade) in one transaction; false when the service has none such. */
    public boolean delete(long serviceId, long snapshotId) {
        try {
            return jdbi.inTransaction(handle -> handle
                    .createUpdate("DELETE FROM ts3_snapshot WHERE id = :id AND service_id = :service")
                    .bind("id", snapshotId)
                    .bind("service", serviceId)
                    .execute() == 1);
        } catch (JdbiException e) {
            throw StorageFailures.unavailable(e);
        }
    }

    /** By position in {@link #COLUMNS}: the driver's lookup by name showed up in the profile of long lists. */
    private static StoredSnapshot row(ResultSet rs) throws SQLException {
        return new StoredSnapshot(
                rs.getLong(1),
                rs.getLong(2),
                rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getLong(4),
                rs.getString(5),
                origin(rs.getString(6)),
                rs.getString(7),
                SnapshotDialect.fromStoredName(rs.getString(8)),
                rs.getInt(9));
    }

    private static SnapshotOrigin origin(String stored) throws SQLException {
        for (SnapshotOrigin origin : SnapshotOrigin.values()) {
            if (origin.wireName().equals(stored)) {
                return origin;
            }
        }
        throw new SQLException("Unknown snapshot origin '" + stored + "' in ts3_snapshot.");
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
