package org.voicepanel.mumble;

import Murmur.MetaPrx;
import Murmur.ServerPrx;
import com.zeroc.Ice.UserException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupException.Reason;
import org.voicepanel.api.BackupRequest;
import org.voicepanel.api.RestoreReport;
import org.voicepanel.mumble.ice.IceFailures;
import org.voicepanel.mumble.ice.MurmurConnector;
import org.voicepanel.mumble.ice.MurmurLogin;
import org.voicepanel.mumble.server.ServerReader;
import org.voicepanel.mumble.server.ServerWriter;
import org.voicepanel.mumble.snapshot.MumbleSnapshot;
import org.voicepanel.mumble.snapshot.SnapshotCodec;
import org.voicepanel.mumble.snapshot.SnapshotRejectedException;
import org.voicepanel.store.DamagedSnapshotException;
import org.voicepanel.store.SnapshotStore;
import org.voicepanel.store.StoredSnapshot;

/**
 * Restores a stored snapshot in place (docs/mumble.md, restore): the file is unsealed and checked again,
 * the virtual server started if it was not, read once more as it is now, and then its content replaced
 * and the service's slots applied; a restart makes the settings take effect. If anything fails on the
 * way, the content read just before is written back, so the server is never left half restored. The
 * stored snapshot is only read. The host holds the service lock. Thread-safe.
 */
final class SnapshotRestore {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRestore.class);
    private static final int NAMES_SHOWN = 20;

    private final MurmurConnector connector;
    private final SnapshotCodec codec;
    private final SnapshotStore store;
    private final Path workDir;
    private final long maxBytes;
    private final ServerReader reader = new ServerReader();
    private final ServerWriter writer = new ServerWriter();

    SnapshotRestore(MurmurConnector connector, SnapshotCodec codec, SnapshotStore store, Path workDir, long maxBytes) {
        this.connector = connector;
        this.codec = codec;
        this.store = store;
        this.workDir = workDir;
        this.maxBytes = maxBytes;
    }

    RestoreReport restore(BackupRequest request, long snapshotId) {
        StoredSnapshot stored = store.find(request.service().serviceId(), snapshotId)
                .orElseThrow(() -> SnapshotNotFound.of(snapshotId));
        MumbleSnapshot snapshot = readValid(stored);
        String where = MurmurLogin.where(request.service());
        return connector.call(request.service(), "restoring a snapshot", (server, meta) -> {
            if (!server.isRunning()) {
                server.start();
            }
            MumbleSnapshot before = reader.read(server);
            try {
                ServerWriter.Outcome outcome = writer.apply(server, snapshot);
                applySlots(server, meta, request.service().slots());
                restart(server);
                return report(outcome);
            } catch (RuntimeException | UserException failure) {
                BackupException cause = IceFailures.of(failure, where, MurmurLogin.virtualServerId(request.service()),
                        "restoring a snapshot");
                throw putBack(server, before, cause);
            }
        });
    }

    private BackupException putBack(ServerPrx server, MumbleSnapshot before, BackupException cause) {
        try {
            writer.apply(server, before);
            restart(server);
        } catch (RuntimeException | UserException again) {
            log.error("Putting a Mumble server back after a failed restore failed as well", again);
            return new BackupException(cause.reason(), "The restore failed: " + cause.getMessage()
                    + " Putting the virtual server back as it was failed as well; it may be half restored.", cause);
        }
        return new BackupException(cause.reason(), "The restore failed: " + cause.getMessage()
                + " The virtual server was put back as it was before.", cause);
    }

    /** The service's slots as the {@code users} setting, left unset where murmurd's default already says so. */
    private static void applySlots(ServerPrx server, MetaPrx meta, int slots) throws UserException {
        if (MurmurConnector.slots(server, meta) != slots) {
            server.setConf("users", Integer.toString(slots));
        }
    }

    private static void restart(ServerPrx server) throws UserException {
        server.stop();
        server.start();
    }

    private static RestoreReport report(ServerWriter.Outcome outcome) {
        List<String> names = outcome.newUsersWithoutCertificate();
        if (names.isEmpty()) {
            return RestoreReport.complete();
        }
        String shown = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())))
                + (names.size() > NAMES_SHOWN ? " and " + (names.size() - NAMES_SHOWN) + " more" : "");
        return RestoreReport.builder().notRestored("Passwords are not kept in snapshots: " + names.size()
                + " registered user(s) without a certificate must set a new password (" + shown + ").").build();
    }

    private MumbleSnapshot readValid(StoredSnapshot stored) {
        try (PayloadFile file = new PayloadFile(workDir, maxBytes)) {
            try (OutputStream out = file.write()) {
                store.unseal(stored, out);
            }
            try (InputStream in = file.read()) {
                return codec.read(in);
            }
        } catch (DamagedSnapshotException e) {
            throw damaged(stored, "its stored file is damaged");
        } catch (SnapshotRejectedException e) {
            throw damaged(stored, e.getMessage());
        } catch (BackupException e) {
            if (e.reason() == Reason.SNAPSHOT_FILE_INVALID) {
                throw damaged(stored, "its file no longer opens with this panel's key, or it was altered");
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BackupException damaged(StoredSnapshot stored, String reason) {
        return new BackupException(Reason.SNAPSHOT_FILE_INVALID,
                "Snapshot " + stored.id() + " cannot be restored: " + reason + ".");
    }
}
