-- Each voice-server type declares its own connection fields (docs/plugin-authors.md); a service keeps
-- one row per field. Secret fields are encrypted (AES-GCM, bound to the service id) in value_sealed and
-- never shown; the others are plain text in value. The ServerQuery columns of teamspeak3 services move
-- here under the names their plugin declares, the sealed query password byte for byte.
CREATE TABLE service_field (
    service_id    BIGINT          NOT NULL,
    name          VARCHAR(64)     NOT NULL,
    value         VARCHAR(1024)   NULL,
    value_sealed  VARBINARY(4200) NULL,
    PRIMARY KEY (service_id, name),
    CONSTRAINT fk_service_field_service FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO service_field (service_id, name, value) SELECT id, 'query_port', CAST(query_port AS CHAR) FROM service;
INSERT INTO service_field (service_id, name, value) SELECT id, 'query_username', query_username FROM service;
INSERT INTO service_field (service_id, name, value)
    SELECT id, 'virtual_server_id', CAST(virtual_server_id AS CHAR) FROM service;
INSERT INTO service_field (service_id, name, value_sealed)
    SELECT id, 'query_password', query_password_sealed FROM service;

ALTER TABLE service
    DROP COLUMN query_port,
    DROP COLUMN query_username,
    DROP COLUMN query_password_sealed,
    DROP COLUMN virtual_server_id;
