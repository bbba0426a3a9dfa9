-- Snapshots of TeamSpeak 3 virtual servers, one row per stored snapshot file.
-- The file itself (sealed by the host) lives in ts3_snapshot_chunk, in pieces of at most 1 MiB,
-- because MariaDB's default max_allowed_packet (16 MiB) is smaller than an upload may be.
-- A row and its chunks are written in one transaction, so a half-written snapshot is never visible.
CREATE TABLE ts3_snapshot (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    service_id   BIGINT       NOT NULL,
    -- UTC; DATETIME rather than TIMESTAMP so that no session time zone ever shifts it
    created_at   DATETIME(3)  NOT NULL,
    -- size and lower-case hex SHA-256 of the sealed file a download returns
    size         BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    -- 'created' (taken from the voice server) or 'uploaded'
    origin       VARCHAR(16)  NOT NULL,
    created_by   VARCHAR(255) NOT NULL,
    -- 'legacy', 'v2' or 'v3': the TeamSpeak snapshot format inside the file
    dialect      VARCHAR(16)  NOT NULL,
    chunk_count  INT          NOT NULL,
    PRIMARY KEY (id),
    KEY ix_ts3_snapshot_service_created (service_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ts3_snapshot_chunk (
    snapshot_id  BIGINT      NOT NULL,
    seq          INT         NOT NULL,
    data         MEDIUMBLOB  NOT NULL,
    PRIMARY KEY (snapshot_id, seq),
    CONSTRAINT fk_ts3_snapshot_chunk_snapshot FOREIGN KEY (snapshot_id)
        REFERENCES ts3_snapshot (id) ON DELETE CASCADE
) ENGINE = InnoDB;
