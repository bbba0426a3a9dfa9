package org.voicepanel.host.db;

import java.util.List;

/**
 * The statements the embedded MariaDB runs at every start (its {@code --init-file}), before it accepts a connection.
 * They leave exactly three accounts, all on {@code localhost}: {@code root} by unix-socket authentication only (the
 * OS user root), MariaDB's internal {@code mariadb.sys}, and the panel's own user with its password and rights on
 * the panel's database only. Anonymous accounts, the {@code mysql} account, the {@code test} database's open grants
 * and any account someone added to a data folder of an older panel, whose server ran without access control, are
 * removed. Each statement is safe to repeat, so a data folder is brought to this state whatever it held.
 */
final class AccessControl {

    private AccessControl() {
    }

    /** One statement per line, as {@code --init-file} reads them. */
    static List<String> statements(PanelDatabaseAccount account) {
        String user = "'" + account.user() + "'@'localhost'";
        String kept = "('root','localhost'),('mariadb.sys','localhost'),('" + account.user() + "','localhost')";
        return List.of(
                "DELETE FROM mysql.global_priv WHERE (User, Host) NOT IN (" + kept + ");",
                "DELETE FROM mysql.db WHERE (User, Host) NOT IN (" + kept + ");",
                "DELETE FROM mysql.tables_priv WHERE (User, Host) NOT IN (" + kept + ");",
                "DELETE FROM mysql.columns_priv WHERE (User, Host) NOT IN (" + kept + ");",
                "DELETE FROM mysql.procs_priv WHERE (User, Host) NOT IN (" + kept + ");",
                "DELETE FROM mysql.roles_mapping WHERE (User, Host) NOT IN (" + kept + ");",
                "FLUSH PRIVILEGES;",
                "ALTER USER IF EXISTS 'root'@'localhost' IDENTIFIED VIA unix_socket;",
                "DROP DATABASE IF EXISTS test;",
                "CREATE DATABASE IF NOT EXISTS " + EmbeddedMariaDb.DATABASE + ";",
                "CREATE USER IF NOT EXISTS " + user + " IDENTIFIED BY '" + account.password() + "';",
                "ALTER USER " + user + " IDENTIFIED BY '" + account.password() + "';",
                "GRANT ALL PRIVILEGES ON " + EmbeddedMariaDb.DATABASE + ".* TO " + user + ";");
    }
}
