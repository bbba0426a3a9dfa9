package org.example.echovoice;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The snapshot format, {@code echovoice-v1}: UTF-8 text, the line {@code echovoice-snapshot 1}, then one
 * channel name per line. A name is 1 to 100 characters without control characters; at most
 * {@link EchoVoiceClient#MAX_CHANNELS} of them.
 */
final class EchoSnapshot {

    static final String FORMAT = "echovoice-v1";
    static final String HEADER = "echovoice-snapshot 1";
    static final long MAX_BYTES = 2L * 1024 * 1024;

    private EchoSnapshot() {
    }

    static byte[] write(List<String> channels) {
        for (String channel : channels) {
            if (problemWith(channel) != null) {
                throw new IllegalArgumentException("channel " + channels.indexOf(channel) + " " + problemWith(channel));
            }
        }
        return (HEADER + "\n" + String.join("\n", channels) + (channels.isEmpty() ? "" : "\n"))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The channels of a payload; {@link InvalidSnapshot} with a sentence's end when it is not one. */
    static List<String> read(InputStream payload) throws IOException {
        byte[] bytes = payload.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new InvalidSnapshot("it is larger than " + MAX_BYTES + " bytes");
        }
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader lines;
        try {
            lines = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), decoder));
            if (!HEADER.equals(lines.readLine())) {
                throw new InvalidSnapshot("it does not begin with the line " + HEADER);
            }
            List<String> channels = new ArrayList<>();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String problem = problemWith(line);
                if (problem != null) {
                    throw new InvalidSnapshot("line " + (channels.size() + 2) + " " + problem);
                }
                if (channels.size() == EchoVoiceClient.MAX_CHANNELS) {
                    throw new InvalidSnapshot("it has more than " + EchoVoiceClient.MAX_CHANNELS + " channels");
                }
                channels.add(line);
            }
            return channels;
        } catch (CharacterCodingException e) {
            throw new InvalidSnapshot("it is not UTF-8 text");
        }
    }

    private static String problemWith(String channel) {
        if (channel.isEmpty() || channel.length() > 100) {
            return "is not a channel name of 1 to 100 characters";
        }
        if (channel.chars().anyMatch(Character::isISOControl)) {
            return "holds a control character";
        }
        return null;
    }

    /** A payload that is not an Echo Voice snapshot. */
    static final class InvalidSnapshot extends IOException {

        InvalidSnapshot(String why) {
            super(why);
        }
    }
}
