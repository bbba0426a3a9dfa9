package org.voicepanel.host.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway runs of one schema owner on a real MariaDB, as several starting panels make them. */
class SchemaMigrationsTest {

    @TempDir
    Path scripts;

    private final String owner = TestDatabase.unique("schema").replace('-', '_');

    @Test
    void scriptThatFailedOnAnEarlierStartRunsAgainOnTheNext() throws IOException {
        ClassLoader loader = scripts("V1__needs_a_table.sql", """
                CREATE TABLE IF NOT EXISTS %1$s_made (id INT NOT NULL PRIMARY KEY) ENGINE = InnoDB;
                INSERT INTO %1$s_needed (id) VALUES (1);
                """.formatted(owner));

        assertThatThrownBy(() -> SchemaMigrations.migrate(TestDatabase.dataSource(), loader, owner))
                .isInstanceOf(FlywayException.class);
        assertThat(number("SELECT COUNT(*) FROM flyway_history_" + owner + " WHERE success = 0")).isEqualTo(1);
        TestDatabase.jdbi().useHandle(h -> h.execute("CREATE TABLE " + owner
                + "_needed (id INT NOT NULL PRIMARY KEY) ENGINE = InnoDB"));

        SchemaMigrations.migrate(TestDatabase.dataSource(), loader, owner);

        assertThat(number("SELECT COUNT(*) FROM flyway_history_" + owner + " WHERE success = 0")).isZero();
        assertThat(number("SELECT COUNT(*) FROM flyway_history_" + owner + " WHERE version = '1'")).isEqualTo(1);
        assertThat(number("SELECT COUNT(*) FROM " + owner + "_needed")).isEqualTo(1);
    }

    @Test
    void panelsMigratingTogetherRunEachScriptOnce() throws Exception {
        ClassLoader loader = scripts("V1__counted.sql", """
                CREATE TABLE %1$s_runs (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY) ENGINE = InnoDB;
                INSERT INTO %1$s_runs () VALUES ();
                """.formatted(owner));
        List<CompletableFuture<Void>> panels = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            panels.add(CompletableFuture.runAsync(() -> SchemaMigrations.migrate(TestDatabase.dataSource(), loader,
                    owner)));
        }
        for (CompletableFuture<Void> panel : panels) {
            panel.get(1, TimeUnit.MINUTES);
        }

        assertThat(number("SELECT COUNT(*) FROM " + owner + "_runs")).isEqualTo(1);
        assertThat(number("SELECT COUNT(*) FROM flyway_history_" + owner + " WHERE version = '1'")).isEqualTo(1);
    }

    private ClassLoader scripts(String name, String sql) throws IOException {
        Path dir = Files.createDirectories(scripts.resolve("db/migration/" + owner));
        Files.writeString(dir.resolve(name), sql);
        return new URLClassLoader(new URL[] {scripts.toUri().toURL()}, null);
    }

    private static long number(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
