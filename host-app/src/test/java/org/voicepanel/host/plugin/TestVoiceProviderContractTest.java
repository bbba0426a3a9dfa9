package org.voicepanel.host.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.voicepanel.api.ProviderContext;
import org.voicepanel.api.VoiceBackupProvider;
import org.voicepanel.api.VoiceService;
import org.voicepanel.api.testing.TestSnapshotFileSealer;
import org.voicepanel.api.testing.VoiceBackupProviderContract;
import org.voicepanel.api.testing.VoiceServerProbe;
import org.voicepanel.host.db.SchemaMigrations;
import org.voicepanel.host.db.TestDatabase;

/**
 * The host's test provider, from the plugin jar the host's tests load, checked against the plugin API's
 * contract: the contract holds for it as for the real plugins.
 */
class TestVoiceProviderContractTest extends VoiceBackupProviderContract {

    @TempDir
    static Path folder;

    private static URLClassLoader plugin;
    private static ProviderContext context;
    private static VoiceService running;

    @BeforeAll
    static void loadPlugin() throws MalformedURLException {
        Path jar = TestPlugins.good(folder);
        plugin = new URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, VoiceBackupProvider.class.getClassLoader());
        DataSource dataSource = TestDatabase.dataSource();
        SchemaMigrations.migrate(dataSource, plugin, TestPlugins.GOOD);
        try {
            context = new HostProviderContext(TestPlugins.GOOD, dataSource, name -> Optional.empty(),
                    new TestSnapshotFileSealer(), Clock.systemUTC(), Files.createDirectories(folder.resolve("work")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        running = service("127.0.0.1");
    }

    @AfterAll
    static void closePlugin() throws IOException {
        plugin.close();
    }

    @Override
    protected ProviderContext context() {
        return context;
    }

    @Override
    protected VoiceBackupProvider createProvider(ProviderContext context) {
        try {
            return (VoiceBackupProvider) plugin.loadClass("org.example.voice.TestVoiceProvider")
                    .getConstructor(ProviderContext.class).newInstance(context);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected VoiceService runningService() {
        return running;
    }

    @Override
    protected VoiceService unreachableService() {
        return service("unreachable.test");
    }

    /** The pretend voice server's whole configuration: one row of the plugin's own table, or its factory text. */
    @Override
    protected VoiceServerProbe probe() {
        Jdbi jdbi = Jdbi.create(context.dataSource());
        String table = TestPlugins.GOOD + "_server";
        return new VoiceServerProbe() {
            @Override
            public Object content(VoiceService service) {
                return jdbi.withHandle(h -> h.createQuery("SELECT config FROM " + table + " WHERE service_id = ?")
                        .bind(0, service.serviceId()).mapTo(String.class).findOne())
                        .orElse("testvoice-config\nservice=" + service.serviceId() + "\nfactory settings\n");
            }

            @Override
            public void change(VoiceService service) {
                jdbi.useHandle(h -> h.createUpdate("INSERT INTO " + table + " (service_id, config) VALUES (?, ?)"
                                + " ON DUPLICATE KEY UPDATE config = CONCAT(config, 'changed\\n')")
                        .bind(0, service.serviceId()).bind(1, "testvoice-config\nchanged\n").execute());
            }
        };
    }

    private static VoiceService service(String host) {
        long serviceId = Math.abs(new SecureRandom().nextLong() % 1_000_000_000_000L) + 1;
        return VoiceService.builder(serviceId, TestPlugins.GOOD_TYPE).host(host).slots(32)
                .field("port", 10011).field("login", "serveradmin").secret("password", "secret").build();
    }
}
