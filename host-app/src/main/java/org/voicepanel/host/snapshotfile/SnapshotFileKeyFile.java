package org.voicepanel.host.snapshotfile;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generated key in the data folder: base64 text, owner-only (rw-------) where the file system
 * has POSIX modes. It is written once, atomically, and never replaced: replacing it would make
 * every file sealed with the old key unreadable.
 */
final class SnapshotFileKeyFile {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotFileKeyFile.class);
    private static final String TEMP_PREFIX = ".snapshot-file.key.";

    private final Path file;

    private SnapshotFileKeyFile(Path file) {
        this.file = file;
    }

    static SnapshotFileKeyFile in(Path file) {
        return new SnapshotFileKeyFile(file.toAbsolutePath());
    }

    SnapshotFileKey readOrGenerate() {
        try {
            if (Files.exists(file)) {
                return read();
            }
            return generate();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the snapshot-file key file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private SnapshotFileKey read() throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        return SnapshotFileKeys.decode(text, "The key file " + file
                + " (restore it from a backup; delete it only if no sealed snapshot file must be read again)");
    }

    private SnapshotFileKey generate() throws IOException {
        byte[] material = new byte[SnapshotFileKey.LENGTH];
        new SecureRandom().nextBytes(material);
        Path dir = file.getParent();
        Files.createDirectories(dir, ownerOnly("rwx------"));
        Path temp = Files.createTempFile(dir, TEMP_PREFIX, ".tmp", ownerOnly("rw-------"));
        try {
            writeSynced(temp, Base64.getEncoder().encodeToString(material) + "\n");
            publish(temp);
        } catch (FileAlreadyExistsException e) {
            return read(); // another start won the race: use its key
        } finally {
            Files.deleteIfExists(temp);
        }
        SnapshotFileKey key = new SnapshotFileKey(material);
        LOG.warn("Generated the snapshot-file key {} in {}. Back this file up: without it no sealed snapshot file"
                + " can be opened. Panels sharing one database need the same key in {}.", key.idHex(), file,
                SnapshotFileKeys.PROPERTY);
        return key;
    }

    private static void writeSynced(Path path, String text) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.write(StandardCharsets.US_ASCII.encode(text));
            channel.force(true);
        }
    }

    /** A hard link appears atomically and fails if the key file exists; a rename is the fallback. */
    private void publish(Path temp) throws IOException {
        try {
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private FileAttribute<?>[] ownerOnly(String mode) {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))}
                : new FileAttribute<?>[0];
    }
}
