package org.voicepanel.teamspeak.simulator;

import java.util.Arrays;
import java.util.List;

/**
 * Snapshots of servers 3.10 and 3.11: {@code version=2[ salt=<s>]|<base64 data>}. The data is the second record
 * as one bare token, so it is taken from the raw text: parsed as a pair it would split at its Base64 padding.
 */
final class Version2SnapshotCodec implements SnapshotCodec {

    @Override
    public String encode(SnapshotContent content, String password) {
        String salt = password == null ? null : SnapshotCipher.newSalt();
        QueryRecord header = new QueryRecord().put("version", 2);
        if (salt != null) {
            header.put("salt", salt);
        }
        String data = CompressedSnapshotData.pack(SnapshotLayout.write(content), password, salt);
        return header.toWire() + "|" + QueryEscaping.escape(data);
    }

    @Override
    public SnapshotContent decode(QueryCommand deploy) throws InvalidSnapshotException {
        String arguments = deploy.arguments();
        int bar = arguments.indexOf('|');
        if (bar < 0) {
            throw new InvalidSnapshotException("version 2 snapshot has no data record");
        }
        List<String> tokens = Arrays.stream(arguments.substring(bar + 1).split(" "))
                .filter(token -> !token.isEmpty() && !token.startsWith("-")).toList();
        if (tokens.size() != 1 || tokens.get(0).indexOf('|') >= 0) {
            throw new InvalidSnapshotException("version 2 snapshot data must be one token");
        }
        String data = QueryEscaping.unescape(tokens.get(0));
        String text = CompressedSnapshotData.unpack(data, deploy.parameter("password"), deploy.parameter("salt"));
        return SnapshotLayout.parse(text);
    }
}
