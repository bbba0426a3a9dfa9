package org.voicepanel.teamspeak.simulator;

/** Snapshots of servers 3.12 and later: {@code version=3[ salt=<s>] data=<base64 data>}, all in one record. */
final class Version3SnapshotCodec implements SnapshotCodec {

    @Override
    public String encode(SnapshotContent content, String password) {
        String salt = password == null ? null : SnapshotCipher.newSalt();
        QueryRecord line = new QueryRecord().put("version", 3);
        if (salt != null) {
            line.put("salt", salt);
        }
        return line.put("data", CompressedSnapshotData.pack(SnapshotLayout.write(content), password, salt))
                .toWire();
    }

    @Override
    public SnapshotContent decode(QueryCommand deploy) throws InvalidSnapshotException {
        if (deploy.records().size() != 1) {
            throw new InvalidSnapshotException("version 3 snapshot must be a single record");
        }
        String data = deploy.parameter("data");
        if (data == null || data.isEmpty()) {
            throw new InvalidSnapshotException("version 3 snapshot has no data");
        }
        String text = CompressedSnapshotData.unpack(data, deploy.parameter("password"), deploy.parameter("salt"));
        return SnapshotLayout.parse(text);
    }
}
