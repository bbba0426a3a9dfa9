package org.voicepanel.host.db;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.voicepanel.host.PanelProperties;

/**
 * Starts the embedded MariaDB on a thread of its own as soon as the panel's settings are known, so that it boots
 * while Spring builds the rest of the context; one after the other, a first start took twice as long. Added by
 * {@code main} only: tests build their contexts without it and start the database when the pool needs it.
 */
public final class EmbeddedMariaDbEarlyStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Environment environment = context.getEnvironment();
        if (environment.getProperty("spring.datasource.url", "").isBlank()) {
            // bound as the PanelProperties bean will be, so both name the same folder
            Path dataDir = Binder.get(environment).bindOrCreate("panel", PanelProperties.class).dataDir();
            Started started = new Started(CompletableFuture.supplyAsync(() -> EmbeddedMariaDb.start(
                    dataDir.resolve("db")), task -> new Thread(task, "embedded-mariadb-start").start()));
            ConfigurableListableBeanFactory beans = context.getBeanFactory();
            beans.registerSingleton(BEAN, started);
            // a start that fails before the pool took the server stops it: else the server ran on, and its
            // process watcher (not a daemon thread) kept the failed panel's JVM from exiting
            if (beans instanceof DefaultSingletonBeanRegistry registry) {
                registry.registerDisposableBean(BEAN, started::stopUnlessTaken);
            }
        }
    }

    private static final String BEAN = "embeddedMariaDbStart";

    /** The server being started; the pool takes it from here. */
    static final class Started {

        private final CompletableFuture<EmbeddedMariaDb> server;
        private volatile boolean taken;

        Started(CompletableFuture<EmbeddedMariaDb> server) {
            this.server = server;
        }

        /** Waits for the server; a start that failed fails the same way as a start on the calling thread. */
        EmbeddedMariaDb await() {
            try {
                EmbeddedMariaDb db = server.join();
                taken = true;
                return db;
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }

        /** Stops the server when nothing took it (the context failed first); the taker stops it otherwise. */
        void stopUnlessTaken() {
            if (taken) {
                return;
            }
            try {
                server.join().close();
            } catch (CompletionException e) {
                // it never started
            }
        }
    }
}
