-- db-scheduler's own table (its MySQL schema): one row per service with a schedule, the next due time
-- its execution_time; picked, version and last_heartbeat make a run exactly-once across panel instances
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            BLOB,
    execution_time       TIMESTAMP(6) NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP(6) NULL,
    last_failure         TIMESTAMP(6) NULL,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP(6) NULL,
    version              BIGINT       NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance),
    INDEX execution_time_idx (execution_time),
    INDEX last_heartbeat_idx (last_heartbeat),
    INDEX priority_execution_time_idx (priority DESC, execution_time ASC)
) ENGINE = InnoDB;

-- a service's automatic backups (docs/backups.md); absent means off
CREATE TABLE backup_schedule (
    service_id   BIGINT      NOT NULL PRIMARY KEY,
    enabled      BOOLEAN     NOT NULL,
    time_zone    VARCHAR(64) NOT NULL,
    every_hours  INT         NULL,
    daily_at     CHAR(5)     NULL,
    weekly_on    VARCHAR(9)  NULL,
    keep_newest  INT         NOT NULL,
    keep_daily   INT         NOT NULL,
    keep_weekly  INT         NOT NULL,
    keep_monthly INT         NOT NULL,
    updated_at   DATETIME(3) NOT NULL,
    CONSTRAINT fk_backup_schedule_service FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- one row per due time of a service: the claim that makes a run produce exactly one snapshot, even when a
-- killed instance's run is taken over; the newest row is the "last run" the API shows
CREATE TABLE backup_run (
    service_id  BIGINT        NOT NULL,
    due_at      DATETIME(3)   NOT NULL,
    started_at  DATETIME(3)   NOT NULL,
    finished_at DATETIME(3)   NULL,
    result      VARCHAR(16)   NOT NULL,
    snapshot_id BIGINT        NULL,
    error       VARCHAR(512)  NULL,
    PRIMARY KEY (service_id, due_at),
    CONSTRAINT fk_backup_run_service FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- what the host knows of a snapshot beyond what its plugin stores: pinned, label, and whether a schedule made it
CREATE TABLE snapshot_entry (
    service_id  BIGINT       NOT NULL,
    snapshot_id BIGINT       NOT NULL,
    scheduled   BOOLEAN      NOT NULL DEFAULT FALSE,
    pinned      BOOLEAN      NOT NULL DEFAULT FALSE,
    label       VARCHAR(100) NULL,
    PRIMARY KEY (service_id, snapshot_id),
    CONSTRAINT fk_snapshot_entry_service FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- an operator's limits for one service; a NULL column falls back to the panel.backups.* default
CREATE TABLE backup_limits (
    service_id           BIGINT NOT NULL PRIMARY KEY,
    max_snapshots        INT    NULL,
    max_bytes            BIGINT NULL,
    min_interval_hours   INT    NULL,
    CONSTRAINT fk_backup_limits_service FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- manual creates, for the cooldown (a deleted snapshot still counts)
CREATE TABLE manual_create (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    service_id BIGINT      NOT NULL,
    created_at DATETIME(3) NOT NULL,
    INDEX ix_manual_create_service (service_id, created_at),
    CONSTRAINT fk_manual_create_service FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- operations running against one voice-server host, at most panel.backups.per-host-concurrency at once
CREATE TABLE host_slot (
    host       VARCHAR(255) NOT NULL,
    slot       INT          NOT NULL,
    holder     VARCHAR(64)  NOT NULL,
    expires_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (host, slot)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- the panel's failure webhook, set by an admin; at most one row
CREATE TABLE backup_webhook (
    id     INT           NOT NULL PRIMARY KEY,
    url           VARCHAR(2048)  NOT NULL,
    secret_sealed VARBINARY(512) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
