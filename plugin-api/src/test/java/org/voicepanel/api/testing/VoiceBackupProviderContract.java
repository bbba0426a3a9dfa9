package org.voicepanel.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupOperation;
import org.voicepanel.api.BackupRequest;
import org.voicepanel.api.ConnectionField;
import org.voicepanel.api.ProviderContext;
import org.voicepanel.api.RestoreReport;
import org.voicepanel.api.SnapshotDownload;
import org.voicepanel.api.SnapshotInfo;
import org.voicepanel.api.SnapshotOrigin;
import org.voicepanel.api.VoiceBackupProvider;
import org.voicepanel.api.VoiceServerStatus;
import org.voicepanel.api.VoiceService;

/**
 * What the host relies on from every provider. A plugin author extends this class in the
 * plugin's tests, supplies a context over a real database, a service whose voice server is
 * running (a real one or a faithful simulator), one whose voice server cannot be reached, and a
 * probe of the voice server's content, and gets the host's expectations checked: types,
 * connection fields, route registration, every operation including status, that a restore brings
 * the content back, that a failed create or upload stores nothing, isolation between services,
 * and {@code close()}.
 */
public abstract class VoiceBackupProviderContract {

    private static final Set<String> HOST_FIELDS = Set.of("type", "host", "slots");

    /** A context over a real database with the plugin's migrations applied. */
    protected abstract ProviderContext context();

    /** Creates the provider under test, as the host's extension factory would. */
    protected abstract VoiceBackupProvider createProvider(ProviderContext context);

    /** A service whose voice server is reachable; each call may return the same one. */
    protected abstract VoiceService runningService();

    /** A service of the same type whose voice server cannot be reached (nothing listens there). */
    protected abstract VoiceService unreachableService();

    /** Reads and changes the running service's voice server. */
    protected abstract VoiceServerProbe probe();

    private VoiceBackupProvider provider;
    private RecordedRoutes routes;

    @BeforeEach
    void registerRoutes() {
        provider = createProvider(context());
        routes = new RecordedRoutes();
        provider.registerRoutes(routes);
    }

    @AfterEach
    void closeProvider() {
        provider.close();
    }

    @Test
    void declaresLowerCaseVoiceServerTypes() {
        assertThat(provider.voiceServerTypes()).isNotEmpty()
                .allMatch(type -> type.matches("[a-z0-9][a-z0-9-]{0,63}"));
        assertThat(provider.voiceServerTypes()).contains(runningService().type());
    }

    @Test
    void declaresConnectionFieldsTheRunningServiceCarries() {
        for (String type : provider.voiceServerTypes()) {
            List<ConnectionField> fields = provider.connectionFields(type);
            assertThat(fields).extracting(ConnectionField::name).doesNotHaveDuplicates()
                    .noneMatch(HOST_FIELDS::contains);
        }
        VoiceService service = runningService();
        for (ConnectionField field : provider.connectionFields(service.type())) {
            if (field.isRequired()) {
                assertThat(service.field(field.name())).as(field.name()).isPresent();
            }
            service.field(field.name()).ifPresent(value ->
                    assertThat(field.problemWith(value)).as(field.name()).isEmpty());
            if (field.isSecret()) {
                assertThat(service.toString()).doesNotContain(field.name() + "=" + service.text(field.name()));
            }
        }
    }

    @Test
    void registersEveryBackupRoute() {
        for (BackupOperation operation : BackupOperation.values()) {
            assertThat(routes.has(operation)).as("%s registered", operation).isTrue();
        }
    }

    @Test
    void statusOfTheRunningServerNamesItAndItsSlots() {
        VoiceServerStatus status = routes.status()
                .status(request(runningService()));
        assertThat(status.status()).isNotBlank();
        assertThat(status.slots()).isPositive();
    }

    @Test
    void statusOfAnUnreachableServerIsUnavailable() {
        assertThatThrownBy(() -> routes.status()
                .status(request(unreachableService())))
                .isInstanceOfSatisfying(BackupException.class, e ->
                        assertThat(e.reason()).isEqualTo(BackupException.Reason.VOICESERVER_UNAVAILABLE));
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
    void failedCreateStoresNothing() {
        VoiceService unreachable = unreachableService();
        List<SnapshotInfo> before = list(unreachable);
        assertThatThrownBy(() -> create(unreachable))
                .isInstanceOfSatisfying(BackupException.class, e ->
                        assertThat(e.reason()).isEqualTo(BackupException.Reason.VOICESERVER_UNAVAILABLE));
        assertThat(list(unreachable)).isEqualTo(before);
    }

    @Test
    void downloadedFileUploadsBackAsANewSnapshot() throws IOException {
        long id = create(runningService());
        byte[] payload = unseal(download(runningService(), id));
        long uploaded = routes.upload()
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
            assertThatThrownBy(() -> routes.upload()
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
        assertThat(routes.download()
                .download(request(other), id)).isEmpty();
        assertThatThrownBy(() -> routes.delete()
                .delete(request(other), id))
                .isInstanceOfSatisfying(BackupException.class, e ->
                        assertThat(e.reason()).isEqualTo(BackupException.Reason.SNAPSHOT_NOT_FOUND));
        assertThat(list(runningService())).extracting(SnapshotInfo::snapshotId).contains(id);
    }

    @Test
    void deleteRemovesTheSnapshotWhole() {
        long id = create(runningService());
        routes.delete().delete(request(runningService()), id);
        assertThat(list(runningService())).extracting(SnapshotInfo::snapshotId).doesNotContain(id);
        assertThat(routes.download()
                .download(request(runningService()), id)).isEmpty();
    }

    @Test
    void restoreBringsBackTheContentAndKeepsTheSnapshot() throws IOException {
        VoiceService service = runningService();
        Object saved = probe().content(service);
        long id = create(service);
        byte[] before = download(service, id);
        probe().change(service);
        assertThat(probe().content(service)).as("content after the change").isNotEqualTo(saved);

        RestoreReport report = restore(service, id);

        assertThat(report).isNotNull();
        assertThat(probe().content(service)).isEqualTo(saved);
        assertThat(download(service, id)).isEqualTo(before);
    }

    @Test
    void restoreOfAMissingSnapshotIsNotFound() {
        assertThatThrownBy(() -> restore(runningService(), Long.MAX_VALUE - 1))
                .isInstanceOfSatisfying(BackupException.class, e ->
                        assertThat(e.reason()).isEqualTo(BackupException.Reason.SNAPSHOT_NOT_FOUND));
    }

    @Test
    void closeCanBeCalledOnAFreshProvider() {
        VoiceBackupProvider another = createProvider(context());
        another.registerRoutes(new RecordedRoutes());
        another.close();
        assertThat(list(runningService())).isNotNull();
    }

    /** The running service under another service id: same voice server, no shared snapshots. */
    protected VoiceService otherService() {
        VoiceService running = runningService();
        return running.toBuilder(running.serviceId() + 1_000_000).build();
    }

    private long create(VoiceService service) {
        return routes.create().create(request(service));
    }

    private RestoreReport restore(VoiceService service, long id) {
        return routes.restore().restore(request(service), id);
    }

    private List<SnapshotInfo> list(VoiceService service) {
        return routes.list().list(request(service));
    }

    private byte[] download(VoiceService service, long id) throws IOException {
        SnapshotDownload file = routes.download()
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

    private static BackupRequest request(VoiceService service) {
        return new BackupRequest(service, "contract", "contract-test");
    }
}
