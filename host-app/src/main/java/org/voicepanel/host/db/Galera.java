package org.voicepanel.host.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What the panel asks a MariaDB server to tell whether it is a node of a Galera cluster. */
public final class Galera {

    private Galera() {
    }

    /** Whether replication is on for this server ({@code wsrep_on}); false on a server built without it. */
    public static boolean isOn(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW GLOBAL VARIABLES LIKE 'wsrep_on'")) {
            return rs.next() && "ON".equalsIgnoreCase(rs.getString(2));
        }
    }
}
