package org.voicepanel.host.service;

import org.voicepanel.host.keys.PanelKeysets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.voicepanel.api.ConnectionField;
import org.voicepanel.host.account.UserStore;
import org.voicepanel.host.db.TestDatabase;
import tools.jackson.databind.json.JsonMapper;

/** Services on a real MariaDB: secret connection fields are encrypted at rest and never shown. */
class ServiceStoreTest {

    private static final String PASSWORD = "q-pass-" + TestDatabase.unique("plain");
    private static final List<ConnectionField> FIELDS = List.of(ConnectionField.port("port"),
            ConnectionField.text("login").adminOnly(), ConnectionField.secret("password"));

    private final Jdbi jdbi = TestDatabase.jdbi();
    private final QueryPasswordCipher cipher = new QueryPasswordCipher(randomKeysets());
    private final ServiceStore services = new ServiceStore(jdbi, Clock.systemUTC(), cipher);
    private final UserStore.User owner = new UserStore(jdbi, Clock.systemUTC())
            .create(TestDatabase.unique("owner"), null, false);

    @Test
    void secretFieldIsEncryptedInItsRow() {
        Service service = services.create(draft(owner.id(), PASSWORD));

        byte[] stored = jdbi.withHandle(h -> h.createQuery("SELECT value_sealed FROM service_field"
                        + " WHERE service_id = ? AND name = 'password'")
                .bind(0, service.id()).mapTo(byte[].class).one());
        assertThat(stored).isNotEmpty();
        assertThat(contains(stored, PASSWORD.getBytes(StandardCharsets.UTF_8))).isFalse();
        long rowsWithPlaintext = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM service_field"
                        + " WHERE value LIKE ? OR CAST(value_sealed AS CHAR) LIKE ?")
                .bind(0, "%" + PASSWORD + "%").bind(1, "%" + PASSWORD + "%").mapTo(Long.class).one());
        assertThat(rowsWithPlaintext).isZero();
    }

    @Test
    void secretOpensOnlyForTheCallThatNeedsIt() {
        Service service = services.byId(services.create(draft(owner.id(), PASSWORD)).id()).orElseThrow();

        assertThat(service.toVoiceService(cipher, FIELDS).text("password")).isEqualTo(PASSWORD);
        assertThat(service.toVoiceService(cipher, FIELDS).integer("port")).isEqualTo(10011);
        assertThat(service.toVoiceService(cipher, FIELDS).toString()).doesNotContain(PASSWORD);
    }

    @Test
    void viewsNeverShowTheSecretAndOwnersNotTheAdminOnlyField() {
        Service service = services.create(draft(owner.id(), PASSWORD));
        JsonMapper json = JsonMapper.builder().build();

        for (var view : List.of(service.view(FIELDS), services.ownedBy(owner.id()).get(0).view(FIELDS))) {
            String shown = json.writeValueAsString(view);
            assertThat(shown).doesNotContain(PASSWORD).doesNotContain("password").doesNotContain("login")
                    .contains("\"port\":10011");
        }
        assertThat(json.writeValueAsString(service.adminView(FIELDS))).contains("\"login\":\"serveradmin\"")
                .doesNotContain(PASSWORD);
        assertThat(service.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void sealedSecretCopiedToAnotherServiceDoesNotOpen() {
        Service first = services.create(draft(owner.id(), PASSWORD));
        Service second = services.create(draft(owner.id(), "another-password"));
        jdbi.useHandle(h -> h.createUpdate("UPDATE service_field SET value_sealed = ? WHERE service_id = ?"
                        + " AND name = 'password'")
                .bind(0, first.sealedSecrets().get("password")).bind(1, second.id()).execute());

        Service tampered = services.byId(second.id()).orElseThrow();

        assertThatThrownBy(() -> tampered.toVoiceService(cipher, FIELDS)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void updateWithoutTheSecretKeepsTheStoredOne() {
        Service service = services.create(draft(owner.id(), PASSWORD));
        ServiceDraft rename = new ServiceDraft(owner.id(), "renamed", "testvoice", "127.0.0.2", 64,
                new SubmittedFields(Map.of("port", "10022", "login", "serveradmin"), Map.of(), Set.of("password"),
                        Set.of("password")));

        Service updated = services.update(service.id(), rename).orElseThrow();

        assertThat(updated.name()).isEqualTo("renamed");
        assertThat(updated.slots()).isEqualTo(64);
        assertThat(updated.toVoiceService(cipher, FIELDS).text("password")).isEqualTo(PASSWORD);
        assertThat(updated.toVoiceService(cipher, FIELDS).integer("port")).isEqualTo(10022);
        assertThat(services.update(Long.MAX_VALUE, rename)).isEmpty();
    }

    @Test
    void serviceLackingARequiredFieldIsNotHandedToAProvider() {
        Service service = services.create(new ServiceDraft(owner.id(), "bare", "testvoice", "127.0.0.1", 8,
                new SubmittedFields(Map.of(), Map.of(), Set.of(), Set.of())));

        assertThatThrownBy(() -> service.toVoiceService(cipher, FIELDS)).hasMessageContaining("port");
    }

    @Test
    void ownerSeesOnlyTheirServices() {
        Service mine = services.create(draft(owner.id(), PASSWORD));
        UserStore.User other = new UserStore(jdbi, Clock.systemUTC()).create(TestDatabase.unique("other"), null, false);
        services.create(draft(other.id(), "x"));

        assertThat(services.ownedBy(owner.id())).extracting(Service::id).containsExactly(mine.id());
        assertThat(services.ownedBy(owner.id()).get(0).fields()).containsEntry("port", "10011");
    }

    private static ServiceDraft draft(long ownerId, String password) {
        return new ServiceDraft(ownerId, "voice of " + ownerId, "testvoice", "127.0.0.1", 32,
                new SubmittedFields(Map.of("port", "10011", "login", "serveradmin"), Map.of("password", password),
                        Set.of(), Set.of("password")));
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
