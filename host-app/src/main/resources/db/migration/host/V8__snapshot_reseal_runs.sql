-- the re-seal of stored snapshot files after a key rotation: one row per run, its progress, so that every instance
-- can show it; the chore_lease row 'snapshot-reseal' says whether it still runs
CREATE TABLE IF NOT EXISTS snapshot_reseal_run (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    key_id       BIGINT       NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    started_at   DATETIME(3)  NOT NULL,
    finished_at  DATETIME(3)  NULL,
    resealed     INT          NOT NULL DEFAULT 0,
    skipped      INT          NOT NULL DEFAULT 0,
    failed       INT          NOT NULL DEFAULT 0
) ENGINE = InnoDB;

-- what failed in a run (the first 100), so that an operator can see what keeps an old key needed
CREATE TABLE IF NOT EXISTS snapshot_reseal_failure (
    run_id       BIGINT        NOT NULL,
    seq          INT           NOT NULL,
    plugin_id    VARCHAR(64)   NULL,
    service_id   BIGINT        NULL,
    snapshot_id  BIGINT        NULL,
    message      VARCHAR(500)  NOT NULL,
    PRIMARY KEY (run_id, seq),
    CONSTRAINT fk_snapshot_reseal_failure_run FOREIGN KEY (run_id) REFERENCES snapshot_reseal_run (id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
