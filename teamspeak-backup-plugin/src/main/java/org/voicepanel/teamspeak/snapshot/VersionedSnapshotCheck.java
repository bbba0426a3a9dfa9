package org.voicepanel.teamspeak.snapshot;

/**
 * The compressed formats of servers from 3.10 on: {@code version=2|<data>} and
 * {@code version=3 data=<data>}, where the data is Base64 (with {@code \/} for {@code /}) of zstd.
 * Only these fields are accepted; a {@code salt} means the snapshot was made with a snapshot password,
 * which the panel never sends, so such a snapshot could not be deployed. Stateless.
 */
final class VersionedSnapshotCheck {

    private static final int LONGEST_FIELD = 64;

    private VersionedSnapshotCheck() {
    }

    static SnapshotDialect check(WireReader reader, long maxDecompressedBytes) {
        reader.skip("version=");
        StringBuilder text = new StringBuilder();
        int c = readWord(reader, text);
        SnapshotDialect dialect = switch (text.toString()) {
            case "2" -> SnapshotDialect.VERSION_2;
            case "3" -> SnapshotDialect.VERSION_3;
            default -> throw new SnapshotRejectedException("it has a snapshot version the panel does not know");
        };
        boolean hasData = false;
        while (c == ' ') {
            c = readWord(reader, text);
            String field = text.toString();
            if (field.isEmpty()) {
                throw new SnapshotRejectedException(c == '-' ? "it contains a command option" : "it contains an empty field");
            }
            if (field.equals("salt")) {
                throw new SnapshotRejectedException("it is protected by a snapshot password, which the panel does not support");
            }
            if (!field.equals("data") || dialect != SnapshotDialect.VERSION_3) {
                throw new SnapshotRejectedException("it has the unexpected field " + field);
            }
            if (hasData || c != '=') {
                throw new SnapshotRejectedException("its data field is malformed");
            }
            hasData = true;
            c = CompressedDataCheck.check(reader, maxDecompressedBytes);
        }
        if (dialect == SnapshotDialect.VERSION_3) {
            if (c == '|') {
                throw new SnapshotRejectedException("a version 3 snapshot is a single record, but it has more");
            }
            if (!hasData) {
                throw new SnapshotRejectedException("it has no data field");
            }
        } else {
            if (c != '|') {
                throw new SnapshotRejectedException("it has no data after its version");
            }
            if (CompressedDataCheck.check(reader, maxDecompressedBytes) != WireReader.END) {
                throw new SnapshotRejectedException("a version 2 snapshot has two records, but it has more");
            }
        }
        return dialect;
    }

    /**
     * Reads lower-case letters, digits and underscores into {@code word} up to the next character that
     * is not one of them, and returns that character: {@code =}, a space, {@code |}, the end, or
     * anything else, which is refused here.
     */
    private static int readWord(WireReader reader, StringBuilder word) {
        word.setLength(0);
        int c = reader.next();
        while ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
            if (word.length() == LONGEST_FIELD) {
                throw new SnapshotRejectedException("it contains a field name longer than TeamSpeak uses");
            }
            word.append((char) c);
            c = reader.next();
        }
        if (c != '=' && c != ' ' && c != '|' && c != WireReader.END && !(c == '-' && word.length() == 0)) {
            throw new SnapshotRejectedException("it contains a character its format does not allow");
        }
        return c;
    }
}
