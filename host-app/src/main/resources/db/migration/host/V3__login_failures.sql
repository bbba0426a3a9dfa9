-- failed logins and unknown tokens, counted per user name and per client address in the database, so every panel
-- instance behind a load balancer refuses the same guesser (account/LoginThrottle)
CREATE TABLE login_failure (
    subject         VARCHAR(200) NOT NULL PRIMARY KEY,
    failures        INT          NOT NULL,
    last_failure_at DATETIME(3)  NOT NULL,
    blocked_until   DATETIME(3)  NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
