package org.voicepanel.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this plugin API. The host offers it as PF4J's system version, so a plugin's
 * {@code Plugin-Requires} range is checked against it. It moves only when the API does, not with
 * the panel's releases: the minor number for additions a compiled plugin does not notice, the
 * major number for anything else. Plugins for 2.x declare {@code Plugin-Requires: >=2.0.0 & <3.0.0}.
 *
 * @since 1.0
 */
public final class PluginApiVersion {

    /** For example {@code 2.0.0}. */
    public static final String CURRENT = read();

    private PluginApiVersion() {
    }

    private static String read() {
        try (InputStream in = PluginApiVersion.class.getResourceAsStream("plugin-api.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("plugin-api.properties is missing from the plugin API jar"));
        }
    }
}
