package org.voicepanel.host.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

class EmbeddedMariaDbEarlyStartTest {

    /** A panel whose start fails after the early start began must not leave the server (and its JVM) running. */
    @Test
    void aStartThatFailsBeforeThePoolTookTheServerStopsIt() {
        Path dataDir = TestDatabase.buildDir().resolve("early-start-" + ProcessHandle.current().pid());
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("panel.data-dir", dataDir.toString())));
        new EmbeddedMariaDbEarlyStart().initialize(context);
        EmbeddedMariaDbEarlyStart.Started started = context.getBeanFactory()
                .getBean(EmbeddedMariaDbEarlyStart.Started.class);
        context.registerBean("broken", Object.class, () -> {
            throw new IllegalStateException("a bean the panel cannot make");
        });

        assertThatThrownBy(context::refresh).isInstanceOf(BeanCreationException.class);

        // the server had started (await hands it over only then) and is stopped: nothing answers on its socket
        EmbeddedMariaDb db = started.await();
        assertThatThrownBy(() -> {
            try (Connection ignored = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
                // connected: the server still runs
            }
        }).isInstanceOf(SQLException.class);
        assertThat(context.isActive()).isFalse();
    }
}
