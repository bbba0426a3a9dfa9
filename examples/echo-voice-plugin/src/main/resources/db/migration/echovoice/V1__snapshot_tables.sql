-- The snapshot store's two tables (snapshot-store/README.md) under this plugin's prefix, `echovoice`.
CREATE TABLE echovoice_snapshot (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    service_id   BIGINT       NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    size         BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    origin       VARCHAR(16)  NOT NULL,
    created_by   VARCHAR(255) NOT NULL,
    format       VARCHAR(16)  NOT NULL,
    chunk_count  INT          NOT NULL,
    PRIMARY KEY (id),
    KEY ix_echovoice_snapshot_list (service_id, created_at, id, size, sha256, origin, created_by, format, chunk_count)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE echovoice_snapshot_chunk (
    snapshot_id  BIGINT      NOT NULL,
    seq          INT         NOT NULL,
    data         MEDIUMBLOB  NOT NULL,
    PRIMARY KEY (snapshot_id, seq),
    CONSTRAINT fk_echovoice_snapshot_chunk_snapshot FOREIGN KEY (snapshot_id)
        REFERENCES echovoice_snapshot (id) ON DELETE CASCADE
) ENGINE = InnoDB;
