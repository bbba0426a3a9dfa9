CREATE TABLE panel_user (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(100) NULL,
    admin         BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at    DATETIME(3)  NOT NULL,
    CONSTRAINT uq_panel_user_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE access_token (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id     BIGINT       NOT NULL,
    token_hash  CHAR(64)     NOT NULL,
    roles       VARCHAR(255) NOT NULL,
    description VARCHAR(255) NOT NULL DEFAULT '',
    created_at  DATETIME(3)  NOT NULL,
    revoked_at  DATETIME(3)  NULL,
    CONSTRAINT uq_access_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_access_token_user FOREIGN KEY (user_id) REFERENCES panel_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE service (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner_user_id        BIGINT        NOT NULL,
    name                 VARCHAR(128)  NOT NULL,
    voiceserver_type     VARCHAR(64)   NOT NULL,
    host                 VARCHAR(255)  NOT NULL,
    query_port           INT           NOT NULL,
    query_username       VARCHAR(128)  NOT NULL,
    query_password_sealed VARBINARY(512) NOT NULL,
    virtual_server_id    INT           NOT NULL,
    slots                INT           NOT NULL,
    created_at           DATETIME(3)   NOT NULL,
    CONSTRAINT fk_service_owner FOREIGN KEY (owner_user_id) REFERENCES panel_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_service_owner ON service (owner_user_id);

-- one row per busy service: a lease with an expiry, so it holds across panel instances and a
-- crashed instance frees it once the lease runs out
CREATE TABLE service_lock (
    service_id  BIGINT       NOT NULL PRIMARY KEY,
    holder      VARCHAR(64)  NOT NULL,
    operation   VARCHAR(16)  NOT NULL,
    expires_at  DATETIME(3)  NOT NULL
) ENGINE = InnoDB;
