package org.voicepanel.host.plugin;

import java.nio.file.Path;

/**
 * The plugins the host is tested with, each built as a real jar by {@link PluginJar} from the
 * sources under {@code src/test/resources/test-plugins}. Start order is by plugin id, so
 * {@link #GOOD} claims its type before {@link #TWIN} does.
 */
public final class TestPlugins {

    /** Serves {@code testvoice} with every route, in tables of its own made by its Flyway script. */
    public static final String GOOD = "testvoice";
    public static final String GOOD_VERSION = "1.2.3";
    public static final String GOOD_TYPE = "testvoice";

    /** The same provider serving {@code bundledvoice}, its jar also holding copies of every plugin-api class. */
    public static final String BUNDLING_API = "bundledvoice";
    public static final String BUNDLING_API_TYPE = "bundledvoice";

    /** Requires plugin API 3, which this host does not offer. */
    public static final String NEXT_API = "nextapi";
    public static final String NEXT_API_REQUIRES = ">=3.0.0 & <4.0.0";

    /** Its Plugin class throws in {@code start()}. */
    public static final String EXPLODING = "exploding";
    public static final String EXPLODING_MESSAGE = "the exploding plugin refuses to start";

    /** Claims {@code testvoice} as well. */
    public static final String TWIN = "twinvoice";

    /** The file in a plugin's work folder where the test provider notes each {@code close()}, one line a call. */
    public static final String CLOSE_CALLS = "close-calls.txt";

    /** Not a jar at all. */
    public static final String GARBAGE_JAR = "garbage.jar";

    private static final String SOURCES = "test-plugins/";

    private TestPlugins() {
    }

    /** Writes all six into {@code dir}. */
    public static void writeAll(Path dir) {
        good(dir);
        voicePlugin(BUNDLING_API, BUNDLING_API_TYPE).bundlingPluginApi().writeTo(dir);
        voicePlugin(NEXT_API, "nextvoice").requires(NEXT_API_REQUIRES).writeTo(dir);
        exploding(dir);
        voicePlugin(TWIN, GOOD_TYPE).writeTo(dir);
        PluginJar.garbage(dir, GARBAGE_JAR);
    }

    public static Path good(Path dir) {
        return voicePlugin(GOOD, GOOD_TYPE).version(GOOD_VERSION).writeTo(dir);
    }

    private static Path exploding(Path dir) {
        return PluginJar.of(EXPLODING)
                .sourceFromClasspath(SOURCES + "exploding/ExplodingPlugin.java")
                .sourceFromClasspath(SOURCES + "exploding/ExplodingProvider.java")
                .pluginClass("org.example.exploding.ExplodingPlugin")
                .extension("org.example.exploding.ExplodingProvider")
                .writeTo(dir);
    }

    /** The test voice provider packed as plugin {@code pluginId} serving {@code type}; no Plugin-Class. */
    static PluginJar voicePlugin(String pluginId, String type) {
        return PluginJar.of(pluginId)
                .sourceFromClasspath(SOURCES + "voice/TestVoiceProvider.java")
                .source("VoiceType", """
                        package org.example.voice;

                        final class VoiceType {
                            static final String NAME = "%s";
                        }
                        """.formatted(type))
                .extension("org.example.voice.TestVoiceProvider")
                .resource("db/migration/" + pluginId + "/V1__voice_tables.sql", """
                        CREATE TABLE %1$s_snapshot (
                            id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
                            service_id BIGINT      NOT NULL,
                            created_at DATETIME(3) NOT NULL,
                            size       BIGINT      NOT NULL,
                            sha256     CHAR(64)    NOT NULL,
                            origin     VARCHAR(16) NOT NULL,
                            created_by VARCHAR(64) NOT NULL,
                            file       LONGBLOB    NOT NULL,
                            INDEX ix_%1$s_snapshot_service (service_id)
                        ) ENGINE = InnoDB;

                        CREATE TABLE %1$s_server (
                            service_id BIGINT NOT NULL PRIMARY KEY,
                            config     TEXT   NOT NULL
                        ) ENGINE = InnoDB;
                        """.formatted(pluginId));
    }
}
