package org.voicepanel.host.snapshotfile;

import java.util.zip.Deflater;

/**
 * Picks how to deflate a payload from a sample of its start. Most voice-server snapshots are already compressed
 * and then Base64-encoded (TeamSpeak's version 2 and 3): deflate's search for repeats finds none there and cost
 * five times the time of its Huffman coding alone, which by itself wins back Base64's overhead. Text such as a
 * legacy snapshot still gets the full search.
 */
final class DeflateStrategy {

    static final int SAMPLE_BYTES = 64 * 1024;

    /** Repeats must save at least this share of the Huffman-only size to be worth searching for. */
    private static final double WORTHWHILE_SAVING = 0.05;

    private DeflateStrategy() {
    }

    /** A deflater for a payload that starts with {@code sample}; the caller ends it. */
    static Deflater forPayloadStartingWith(byte[] sample) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        deflater.setStrategy(of(sample));
        return deflater;
    }

    /** @return {@link Deflater#HUFFMAN_ONLY} or {@link Deflater#DEFAULT_STRATEGY} */
    static int of(byte[] sample) {
        long huffmanOnly = compressedSize(sample, Deflater.HUFFMAN_ONLY);
        return compressedSize(sample, Deflater.DEFAULT_STRATEGY) > (1 - WORTHWHILE_SAVING) * huffmanOnly
                ? Deflater.HUFFMAN_ONLY : Deflater.DEFAULT_STRATEGY;
    }

    private static long compressedSize(byte[] sample, int strategy) {
        Deflater trial = new Deflater(Deflater.BEST_SPEED, true);
        try {
            trial.setStrategy(strategy);
            trial.setInput(sample);
            trial.finish();
            byte[] sink = new byte[8192];
            while (!trial.finished()) {
                trial.deflate(sink);
            }
            return trial.getBytesWritten();
        } finally {
            trial.end();
        }
    }
}
