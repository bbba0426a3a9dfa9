-- What each service's voice server last said about itself, shared by every panel instance, so that
-- GET /services/{id}/voiceservers answers from here and at most one instance asks the voice server per
-- interval (backup/status). status is NULL when the voice server could not be asked (read_at set) or
-- was never asked (read_at NULL). expired marks a status a restore or service change made stale. The
-- instance that asks holds the refresh through claim until claimed_until, taken by a conditional UPDATE.
CREATE TABLE voice_status (
    service_id     BIGINT       NOT NULL PRIMARY KEY,
    status         VARCHAR(64)  NULL,
    slots          INT          NULL,
    port           INT          NULL,
    read_at        DATETIME(3)  NULL,
    expired        BOOLEAN      NOT NULL DEFAULT FALSE,
    claim          CHAR(36)     NULL,
    claimed_until  DATETIME(3)  NULL,
    CONSTRAINT fk_voice_status_service FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
