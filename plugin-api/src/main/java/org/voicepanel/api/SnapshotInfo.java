package org.voicepanel.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored snapshot as the list shows it. Immutable; built with {@link #builder(long)}, so that a
 * later field does not break a compiled plugin.
 *
 * @since 1.0 (a record until 2.0)
 */
public final class SnapshotInfo {

    private final long snapshotId;
    private final Instant createdAt;
    private final long size;
    private final String sha256;
    private final SnapshotOrigin origin;
    private final String createdBy;

    private SnapshotInfo(Builder builder) {
        this.snapshotId = builder.snapshotId;
        this.createdAt = Objects.requireNonNull(builder.createdAt, "createdAt");
        this.size = builder.size;
        this.sha256 = Objects.requireNonNull(builder.sha256, "sha256");
        this.origin = Objects.requireNonNull(builder.origin, "origin");
        this.createdBy = Objects.requireNonNull(builder.createdBy, "createdBy");
    }

    public static Builder builder(long snapshotId) {
        return new Builder(snapshotId);
    }

    /** The id within the panel. */
    public long snapshotId() {
        return snapshotId;
    }

    /** When it was stored. */
    public Instant createdAt() {
        return createdAt;
    }

    /** The size in bytes of the snapshot file a download returns. */
    public long size() {
        return size;
    }

    /** The lower-case hex SHA-256 of that file. */
    public String sha256() {
        return sha256;
    }

    /** Whether it was taken from the voice server or uploaded. */
    public SnapshotOrigin origin() {
        return origin;
    }

    /** The panel user who stored it. */
    public String createdBy() {
        return createdBy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SnapshotInfo that && snapshotId == that.snapshotId && size == that.size
                && createdAt.equals(that.createdAt) && sha256.equals(that.sha256) && origin == that.origin
                && createdBy.equals(that.createdBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(snapshotId, createdAt, size, sha256, origin, createdBy);
    }

    @Override
    public String toString() {
        return "SnapshotInfo[" + snapshotId + ", " + createdAt + ", " + size + " bytes, " + origin + "]";
    }

    /** Builds a {@link SnapshotInfo}; every property but the size is required. Not thread-safe. */
    public static final class Builder {

        private final long snapshotId;
        private Instant createdAt;
        private long size;
        private String sha256;
        private SnapshotOrigin origin;
        private String createdBy;

        private Builder(long snapshotId) {
            this.snapshotId = snapshotId;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder size(long size) {
            this.size = size;
            return this;
        }

        public Builder sha256(String sha256) {
            this.sha256 = sha256;
            return this;
        }

        public Builder origin(SnapshotOrigin origin) {
            this.origin = origin;
            return this;
        }

        public Builder createdBy(String createdBy) {
            this.createdBy = createdBy;
            return this;
        }

        public SnapshotInfo build() {
            return new SnapshotInfo(this);
        }
    }
}
