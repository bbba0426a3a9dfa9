-- a service's status in the original API's words; a service without a row is active. Apart from the
-- service table so that the connection data and the status change independently.
CREATE TABLE service_status (
    service_id  BIGINT       NOT NULL PRIMARY KEY,
    status      VARCHAR(16)  NOT NULL,
    changed_at  DATETIME(3)  NOT NULL,
    CONSTRAINT fk_service_status_service FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- the audit trail (GET /services/{id}/logs, GET /admin/logs); no foreign keys, so an entry outlives
-- the user or service it names until retention prunes it
CREATE TABLE audit_log (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    created_at     DATETIME(3)   NOT NULL,
    service_id     BIGINT        NULL,
    user_id        BIGINT        NOT NULL,
    user_name      VARCHAR(64)   NOT NULL,
    category       VARCHAR(16)   NOT NULL,
    action         VARCHAR(32)   NOT NULL,
    message        VARCHAR(255)  NOT NULL,
    result         VARCHAR(8)    NOT NULL,
    error_code     VARCHAR(64)   NULL,
    http_status    SMALLINT      NOT NULL,
    snapshot_id    BIGINT        NULL,
    client_address VARCHAR(64)   NOT NULL,
    via            VARCHAR(8)    NOT NULL,
    duration_ms    BIGINT        NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_audit_log_service ON audit_log (service_id, id);
CREATE INDEX ix_audit_log_user ON audit_log (user_id, id);
CREATE INDEX ix_audit_log_created ON audit_log (created_at);

-- requests per user and fixed window (the original API's hourly budget), counted by every instance
CREATE TABLE rate_limit_window (
    user_id       BIGINT  NOT NULL,
    window_start  BIGINT  NOT NULL,
    requests      INT     NOT NULL,
    PRIMARY KEY (user_id, window_start)
) ENGINE = InnoDB;

-- a lease per panel-wide chore, so that one instance at a time does it
CREATE TABLE chore_lease (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    holder      VARCHAR(64)  NOT NULL,
    expires_at  DATETIME(3)  NOT NULL
) ENGINE = InnoDB;
