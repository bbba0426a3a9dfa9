package org.voicepanel.host.service;

import org.voicepanel.host.keys.PanelKeysets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.voicepanel.host.account.UserStore;
import org.voicepanel.host.db.TestDatabase;
import tools.jackson.databind.json.JsonMapper;

/** Services on a real MariaDB: the query password is encrypted at rest and never shown. */
class ServiceStoreTest {

    private static final String PASSWORD = "q-pass-" + TestDatabase.unique("plain");

    private final Jdbi jdbi = TestDatabase.jdbi();
    private final QueryPasswordCipher cipher = new QueryPasswordCipher(randomKeysets());
    private final ServiceStore services = new ServiceStore(jdbi, Clock.systemUTC(), cipher);
    private final UserStore.User owner = new UserStore(jdbi, Clock.systemUTC())
            .create(TestDatabase.unique("owner"), null, false);

    @Test
    void queryPasswordIsEncryptedInItsColumn() {
        Service service = services.create(draft(PASSWORD));

        byte[] stored = jdbi.withHandle(h -> h.createQuery("SELECT query_password_sealed FROM service WHERE id = ?")
                .bind(0, service.id()).mapTo(byte[].class).one());
        assertThat(stored).isNotEmpty();
        assertThat(contains(stored, PASSWORD.getBytes(StandardCharsets.UTF_8))).isFalse();
        long rowsWithPlaintext = jdbi.withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM service WHERE CAST(query_password_sealed AS CHAR) LIKE ? OR name LIKE ?")
                .bind(0, "%" + PASSWORD + "%").bind(1, "%" + PASSWORD + "%").mapTo(Long.class).one());
        assertThat(rowsWithPlaintext).isZero();
    }

    @Test
    void queryPasswordOpensOnlyForTheCallThatNeedsIt() {
        Service service = services.byId(services.create(draft(PASSWORD)).id()).orElseThrow();

        assertThat(service.toVoiceService(cipher).queryPassword()).isEqualTo(PASSWORD);
        assertThat(service.toVoiceService(cipher).toString()).doesNotContain(PASSWORD);
    }

    @Test
    void viewsNeverShowTheQueryPassword() {
        Service service = services.create(draft(PASSWORD));
        JsonMapper json = JsonMapper.builder().build();

        for (var view : java.util.List.of(service.view(), services.ownedBy(owner.id()).get(0).view())) {
            String shown = json.writeValueAsString(view);
            assertThat(shown).doesNotContain(PASSWORD).doesNotContain("query_password");
        }
        assertThat(service.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void sealedPasswordCopiedToAnotherServiceDoesNotOpen() {
        Service first = services.create(draft(PASSWORD));
        Service second = services.create(draft("another-password"));
        jdbi.useHandle(h -> h.createUpdate("UPDATE service SET query_password_sealed = ? WHERE id = ?")
                .bind(0, first.queryPasswordSealed()).bind(1, second.id()).execute());

        Service tampered = services.byId(second.id()).orElseThrow();

        assertThatThrownBy(() -> tampered.toVoiceService(cipher)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void updateWithoutPasswordKeepsTheStoredOne() {
        Service service = services.create(draft(PASSWORD));
        ServiceDraft rename = new ServiceDraft(owner.id(), "renamed", "testvoice", "127.0.0.2", 10022, "serveradmin",
                null, 2, 64);

        Service updated = services.update(service.id(), rename).orElseThrow();

        assertThat(updated.name()).isEqualTo("renamed");
        assertThat(updated.slots()).isEqualTo(64);
        assertThat(updated.toVoiceService(cipher).queryPassword()).isEqualTo(PASSWORD);
        assertThat(services.update(Long.MAX_VALUE, rename)).isEmpty();
    }

    @Test
    void ownerSeesOnlyTheirServices() {
        Service mine = services.create(draft(PASSWORD));
        UserStore.User other = new UserStore(jdbi, Clock.systemUTC()).create(TestDatabase.unique("other"), null, false);
        services.create(new ServiceDraft(other.id(), "theirs", "testvoice", "127.0.0.1", 10011, "serveradmin", "x", 1, 8));

        assertThat(services.ownedBy(owner.id())).extracting(Service::id).containsExactly(mine.id());
    }

    private ServiceDraft draft(String password) {
        return new ServiceDraft(owner.id(), "voice of " + owner.name(), "testvoice", "127.0.0.1", 10011, "serveradmin",
                password, 1, 32);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    private static PanelKeysets randomKeysets() {
        try {
            return PanelKeysets.in(java.nio.file.Files.createTempDirectory("service-test-keys-"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
