package org.voicepanel.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * What another OS user of the panel's machine would try against its embedded MariaDB: run as its own process (as
 * {@code nobody}), it tries each JDBC URL given as {@code url user password} triples and prints one line per attempt,
 * {@code CONNECTED <url>} or {@code REFUSED <url>: <reason>}. Needs only the MariaDB driver (and JNA, for sockets).
 */
public final class DatabaseDoorProbe {

    private DatabaseDoorProbe() {
    }

    public static void main(String[] args) {
        for (int i = 0; i + 2 < args.length; i += 3) {
            try (Connection connection = DriverManager.getConnection(args[i], args[i + 1], args[i + 2])) {
                connection.createStatement().execute("SELECT 1");
                System.out.println("CONNECTED " + args[i]);
            } catch (SQLException | RuntimeException | LinkageError e) {
                System.out.println("REFUSED " + args[i] + ": " + String.valueOf(e.getMessage()).replace('\n', ' '));
            }
        }
    }
}
