/**
 * The snapshot-file format: a provider's payload compressed, then encrypted and authenticated with Google Tink's
 * streaming AEAD (AES256_GCM_HKDF_1MB) under the panel's snapshot-file keyset ({@code keys/PanelKeysets}).
 *
 * <p>Layout of a sealed file (version 3):
 * <pre>
 *   header      "VPSF" | version 3 | key id (4, big endian)                       9 bytes
 *   ciphertext  Tink's streaming AEAD of the payload compressed as one zstd frame, the header as associated data
 * </pre>
 * Version 2, which earlier panels wrote, differs only in its compression (deflate); such files still open.
 * Tink derives a key of its own for each file (HKDF with a random salt) and authenticates every 1 MiB segment with
 * its position and a last-segment flag, so a changed header, a reordered, dropped or appended segment, and a file
 * cut anywhere all fail. The key id names the keyset's key that sealed the file: a file of another panel is told
 * from an altered one, and files sealed before a key rotation are found. Neither sealing nor unsealing holds more
 * than one segment in memory.
 *
 * <p>All public classes here are thread-safe; the stream classes are package-private and used by one thread for
 * one file.
 */
package org.voicepanel.host.snapshotfile;
