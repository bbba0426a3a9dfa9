package org.voicepanel.teamspeak.simulator;

/**
 * One snapshot dialect: writes the data line of {@code serversnapshotcreate} and reads the snapshot out of a
 * {@code serversnapshotdeploy} command. Implementations are stateless and thread-safe.
 */
interface SnapshotCodec {

    /**
     * The escaped data line, exactly as the server sends it.
     *
     * @param password {@code null} unless the client asked for a protected snapshot
     */
    String encode(SnapshotContent content, String password) throws InvalidSnapshotException;

    /** Verifies and reads the snapshot that follows the deploy's options and {@code password=}. */
    SnapshotContent decode(QueryCommand deploy) throws InvalidSnapshotException;

    /** The codec that writes {@code format}. */
    static SnapshotCodec writing(SnapshotFormat format) {
        return switch (format) {
            case LEGACY -> new LegacySnapshotCodec();
            case V2 -> new Version2SnapshotCodec();
            case V3 -> new Version3SnapshotCodec();
        };
    }

    /** The codec for the snapshot a deploy carries, told apart by its first record, as TeaSpeak's parser does. */
    static SnapshotCodec reading(QueryCommand deploy) throws InvalidSnapshotException {
        String version = deploy.parameter("version");
        if (version == null) {
            if (deploy.parameter("hash") == null) {
                throw new InvalidSnapshotException("no snapshot given");
            }
            return new LegacySnapshotCodec();
        }
        return switch (version) {
            case "0" -> new LegacySnapshotCodec();
            case "2" -> new Version2SnapshotCodec();
            case "3" -> new Version3SnapshotCodec();
            default -> throw new InvalidSnapshotException("snapshots with version 0, 2 and 3 are supported, not "
                    + version);
        };
    }
}
