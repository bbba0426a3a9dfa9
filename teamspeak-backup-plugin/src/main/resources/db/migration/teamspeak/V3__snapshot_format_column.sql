-- The shared snapshot store (snapshot-store/README.md) names the column of the format inside a file
-- `format`; for TeamSpeak it holds what `dialect` held ('legacy', 'v2' or 'v3'). The list index keeps it.
ALTER TABLE ts3_snapshot RENAME COLUMN dialect TO format;
