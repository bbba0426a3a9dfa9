/**
 * The snapshot-file format: a provider's payload compressed, then encrypted and authenticated
 * with AES-256-GCM, and the key that seals it.
 *
 * <p>Layout of a sealed file (version 1):
 * <pre>
 *   header   "VPSF" | version 1 | key id (8) | salt (16) | nonce prefix (8)      37 bytes
 *   segments 64 KiB of deflated payload + 16-byte GCM tag each; the last one shorter
 * </pre>
 * Each file gets its own AES-256 key, derived with HKDF-SHA256 from the panel key and the
 * random salt. Segment {@code i} is sealed under the nonce {@code prefix | i} (i as 4 bytes big
 * endian) with the whole header and a last-segment flag as associated data, so a changed header,
 * a reordered, dropped or appended segment, and a file cut at a segment boundary all fail
 * authentication. Neither sealing nor unsealing holds more than one segment in memory.
 *
 * <p>All public classes here are immutable and thread-safe; the stream classes are
 * package-private and used by one thread for one file.
 */
package org.voicepanel.host.snapshotfile;
