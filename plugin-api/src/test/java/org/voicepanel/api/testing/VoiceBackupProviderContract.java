package org.voicepanel.api.testing;

import org.voicepanel.api.BackupRouteTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupHandlers;
import org.voicepanel.api.BackupOperation;
import org.voicepanel.api.BackupRequest;
import org.voicepanel.api.ProviderContext;
import org.voicepanel.api.SnapshotDownload;
import org.voicepanel.api.SnapshotInfo;
import org.voicepanel.api.SnapshotOrigin;
import org.voicepanel.api.VoiceBackupProvider;
import org.voicepanel.api.VoiceService;

/**
 * What the host relies on from every provider. A plugin author extends this class in the
 * plugin's tests, supplies a context over a real database and a service whose voice server is
 * running (a real one or a faithful simulator), and gets the host's expectations checked:
 * types, route registration, create/list/download/upload/delete/restore, isolation between
 * services and refusal of bad uploads.
 */
public abstract class VoiceBackupProviderContract {

    /** A context over a real database with the plugin's migrations applied. */
    protected abstract ProviderContext context();

    /** Creates the provider under test, as the host's extension factory would. */
    protected abstract VoiceBackupProvider createProvider(ProviderContext context);

    /** A service whose voice server is reachable; each call may return the same one. */
    protected abstract VoiceService runningService();

    private VoiceBackupProvider provider;
    private BackupRouteTable routes;

    @BeforeEach
    void registerRoutes() {
        provider = createProvider(context());
        routes = new BackupRouteTable();
        provider.registerRoutes(routes);
    }

    @Test
    void declaresLowerCaseVoiceServerTypes() {
        assertThat(provider.voiceServerTypes()).isNotEmpty()
                .allMatch(type -> type.matches("[a-z0-9][a-z0-9-]{0,63}"));
        assertThat(provider.voiceServerTypes()).contains(runningService().type());
    }

    @Test
    void registersEveryBackupRoute() {
        for (BackupOperation operation : List.of(BackupOperation.LIST, BackupOperation.CREATE, BackupOperation.UPLOAD,
                BackupOperation.DOWNLOAD, BackupOperation.DELETE, BackupOperation.RESTORE)) {
            assertThat(routes.has(operation)).as("%s registered", operation).isTrue();
        }
    }

    @Test
    void createdSnapshotIsListedFirstAndDownloadsAsASealedFile() throws IOException {
        long id = create(runningService());
        List<SnapshotInfo> list = list(runningService());
        assertThat(list).first().satisfies(first -> {
            assertThat(first.snapshotId()).isEqualTo(id);
            assertThat(first.origin()).isEqualTo(SnapshotOrigin.CREATED);
            assertThat(first.createdBy()).isEqualTo("contract");
            assertThat(first.sha256()).matches("[0-9a-f]{64}");
        });
        byte[] sealed = download(runningService(), id);
        assertThat(sealed).hasSize((int) list.get(0).size());
        assertThat(unseal(sealed)).isNotEmpty();
    }

    @Test
    void downloadedFileUploadsBackAsANewSnapshot() throws IOException {
        long id = create(runningService());
        byte[] payload = unseal(download(runningService(), id));
        long uploaded = handler(BackupOperation.UPLOAD, BackupHandlers.UploadSnapshot.class)
                .upload(request(runningService()), new BytesUpload(payload, false));
        assertThat(uploaded).isNotEqualTo(id);
        assertThat(list(runningService())).first().satisfies(first -> {
            assertThat(first.snapshotId()).isEqualTo(uploaded);
            assertThat(first.origin()).isEqualTo(SnapshotOrigin.UPLOADED);
        });
        assertThat(unseal(download(runningService(), uploaded))).isEqualTo(payload);
    }

    @Test
    void garbageUploadIsRefusedAndStoresNothing() {
        List<SnapshotInfo> before = list(runningService());
        byte[] garbage = ("not a snapshot " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        for (boolean external : new boolean[] {false, true}) {
            assertThatThrownBy(() -> handler(BackupOperation.UPLOAD, BackupHandlers.UploadSnapshot.class)
                    .upload(request(runningService()), new BytesUpload(garbage, external)))
                    .isInstanceOfSatisfying(BackupException.class, e ->
                            assertThat(e.reason()).isEqualTo(BackupException.Reason.SNAPSHOT_FILE_INVALID));
        }
        assertThat(list(runningService())).isEqualTo(before);
    }

    @Test
    void anotherServiceSeesNoneOfTheSnapshots() {
        long id = create(runningService());
        VoiceService other = otherService();
        assertThat(list(other)).extracting(SnapshotInfo::snapshotId).doesNotContain(id);
        assertThat(handler(BackupOperation.DOWNLOAD, BackupHandlers.DownloadSnapshot.class)
                .download(request(other), id)).isEmpty();
        assertThatThrownBy(() -> handler(BackupOperation.DELETE, BackupHandlers.DeleteSnapshot.class)
                .delete(request(other), id))
                .isInstanceOfSatisfying(BackupException.class, e ->
                        assertThat(e.reason()).isEqualTo(BackupException.Reason.SNAPSHOT_NOT_FOUND));
        assertThat(list(runningService())).extracting(SnapshotInfo::snapshotId).contains(id);
    }

    @Test
    void deleteRemovesTheSnapshotWhole() {
        long id = create(runningService());
        handler(BackupOperation.DELETE, BackupHandlers.DeleteSnapshot.class).delete(request(runningService()), id);
        assertThat(list(runningService())).extracting(SnapshotInfo::snapshotId).doesNotContain(id);
        assertThat(handler(BackupOperation.DOWNLOAD, BackupHandlers.DownloadSnapshot.class)
                .download(request(runningService()), id)).isEmpty();
    }

    @Test
    void restoreOfAStoredSnapshotSucceedsAndKeepsIt() throws IOException {
        long id = create(runningService());
        byte[] before = download(runningService(), id);
        handler(BackupOperation.RESTORE, BackupHandlers.RestoreSnapshot.class).restore(request(runningService()), id);
        assertThat(download(runningService(), id)).isEqualTo(before);
    }

    @Test
    void restoreOfAMissingSnapshotIsNotFound() {
        assertThatThrownBy(() -> handler(BackupOperation.RESTORE, BackupHandlers.RestoreSnapshot.class)
                .restore(request(runningService()), Long.MAX_VALUE - 1))
                .isInstanceOfSatisfying(BackupException.class, e ->
                        assertThat(e.reason()).isEqualTo(BackupException.Reason.SNAPSHOT_NOT_FOUND));
    }

    /** The running service under another service id: same voice server, no shared snapshots. */
    protected VoiceService otherService() {
        VoiceService s = runningService();
        return new VoiceService(s.serviceId() + 1_000_000, s.type(), s.host(), s.queryPort(), s.queryUsername(),
                s.queryPassword(), s.virtualServerId(), s.slots());
    }

    private long create(VoiceService service) {
        return handler(BackupOperation.CREATE, BackupHandlers.CreateSnapshot.class).create(request(service));
    }

    private List<SnapshotInfo> list(VoiceService service) {
        return handler(BackupOperation.LIST, BackupHandlers.ListSnapshots.class).list(request(service));
    }

    private byte[] download(VoiceService service, long id) throws IOException {
        SnapshotDownload file = handler(BackupOperation.DOWNLOAD, BackupHandlers.DownloadSnapshot.class)
                .download(request(service), id).orElseThrow();
        assertThat(file.fileName()).matches("[A-Za-z0-9._-]+");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        file.writeTo(out);
        return out.toByteArray();
    }

    private byte[] unseal(byte[] sealed) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        context().sealer().unseal(new ByteArrayInputStream(sealed), payload);
        return payload.toByteArray();
    }

    private <T> T handler(BackupOperation operation, Class<T> type) {
        return routes.handler(operation, type).orElseThrow(() -> new AssertionError(operation + " is not registered"));
    }

    private static BackupRequest request(VoiceService service) {
        return new BackupRequest(service, "contract", "contract-test");
    }
}
