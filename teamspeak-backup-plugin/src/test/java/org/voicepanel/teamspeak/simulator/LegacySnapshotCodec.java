package org.voicepanel.teamspeak.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Snapshots of servers up to 3.9: {@code hash=<base64 sha1>|<escaped records>}, uncompressed.
 *
 * <p>The hash covers the escaped wire text after the first {@code |}, cut at the first {@code " -"} where trailing
 * options begin (TeaSpeak's TS3-compatible check, docs/teamspeak.md 2.2). Editing one byte breaks it.
 */
final class LegacySnapshotCodec implements SnapshotCodec {

    @Override
    public String encode(SnapshotContent content, String password) throws InvalidSnapshotException {
        if (password != null) {
            throw new InvalidSnapshotException("snapshot passwords need snapshot version 2 or later");
        }
        String payload = SnapshotLayout.write(content);
        return new QueryRecord().put("hash", hash(payload)).toWire() + "|" + payload;
    }

    @Override
    public SnapshotContent decode(QueryCommand deploy) throws InvalidSnapshotException {
        String arguments = deploy.arguments();
        int bar = arguments.indexOf('|');
        if (bar < 0) {
            throw new InvalidSnapshotException("snapshot has no payload after its hash");
        }
        String payload = arguments.substring(bar + 1);
        int options = payload.indexOf(" -");
        if (options >= 0) {
            payload = payload.substring(0, options);
        }
        if (!hash(payload).equals(deploy.parameter("hash"))) {
            throw new InvalidSnapshotException("invalid snapshot hash");
        }
        return SnapshotLayout.parse(payload);
    }

    private static String hash(String payload) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 unavailable", e);
        }
    }
}
