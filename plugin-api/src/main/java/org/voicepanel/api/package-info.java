/**
 * The plugin API of the Voice Panel: what a plugin that backs up another kind of voice server
 * compiles against. It is the only thing a plugin author needs besides PF4J.
 *
 * <h2>What a plugin is</h2>
 * One jar in the panel's {@code plugins/} folder. The operator drops it there and restarts the
 * panel; plugins load once at start-up and are never reloaded. The jar carries a PF4J manifest,
 * one or more {@link org.voicepanel.api.VoiceBackupProvider} extensions listed in
 * {@code META-INF/extensions.idx}, and its private libraries (shaded). It must not bundle this
 * API, PF4J or SLF4J: the host provides them (a bundled copy of this API is ignored; the host's
 * always wins).
 *
 * <pre>
 * Plugin-Id: mumble
 * Plugin-Version: 1.0.0
 * Plugin-Class: org.example.mumble.MumblePlugin      (optional: a subclass of org.pf4j.Plugin)
 * Plugin-Provider: Example Hosting
 * Plugin-Requires: &gt;=2.0.0 &amp; &lt;3.0.0
 * </pre>
 *
 * {@code Plugin-Requires} is checked against {@link org.voicepanel.api.PluginApiVersion#CURRENT},
 * the version of this API (not of the panel): its minor number moves with additions a compiled
 * plugin does not notice, its major number with anything else. Give a range with an upper bound,
 * so that a panel with an incompatible API refuses the plugin instead of failing at run time. Compile with the PF4J annotation processor declared in
 * {@code annotationProcessorPaths} and annotate each provider with {@code @org.pf4j.Extension}.
 *
 * <h2>Lifecycle</h2>
 * <ol>
 *   <li>The host runs the plugin's Flyway migrations, found in the jar under
 *       {@code db/migration/<pluginId>/}, with the history table {@code flyway_history_<pluginId>}.
 *       Prefix your tables with a name of your own. A failing migration marks the plugin FAILED
 *       and the panel's health DOWN; the next start runs the failed script again, so write scripts
 *       that can run again after a partial run ({@code CREATE TABLE IF NOT EXISTS}: MariaDB cannot
 *       roll DDL back). Panels starting together run one plugin's scripts one at a time, also on
 *       the nodes of a Galera cluster, so no script needs to guard against a concurrent run.</li>
 *   <li>PF4J starts the plugin ({@code Plugin.start()}).</li>
 *   <li>The host creates each provider once, through a public constructor taking a
 *       {@link org.voicepanel.api.ProviderContext} (or a public no-argument constructor).</li>
 *   <li>It calls {@link org.voicepanel.api.VoiceBackupProvider#voiceServerTypes()},
 *       {@link org.voicepanel.api.VoiceBackupProvider#connectionFields(String)} for each type, and then
 *       {@link org.voicepanel.api.VoiceBackupProvider#registerRoutes(org.voicepanel.api.BackupRoutes)}.
 *       A type already served by another plugin is refused: the later plugin is marked FAILED and
 *       shown so on {@code GET /admin/plugins}.</li>
 *   <li>Handlers are called until the panel stops. Then, once no handler runs any more, the host
 *       calls {@link org.voicepanel.api.VoiceBackupProvider#close()} once (also when the plugin fails
 *       after the provider was made), and PF4J stops the plugin.</li>
 * </ol>
 * A plugin that throws in any of these steps is reported and skipped; the panel keeps running.
 *
 * <h2>Connection fields</h2>
 * A voice-server type declares what a service of it needs to reach the server
 * ({@link org.voicepanel.api.ConnectionField}: a port, a login name, a secret, an id). The host
 * reads those fields from the admin's {@code voiceserver} JSON object, validates them as declared,
 * stores them (secret ones encrypted, never shown again) and hands them, secrets decrypted for the
 * call only, in {@link org.voicepanel.api.VoiceService#field(String)}. {@code host} and {@code slots}
 * every type has.
 *
 * <h2>Lifetimes</h2>
 * <ul>
 *   <li>The provider and the {@link org.voicepanel.api.ProviderContext} (and all in it) live from the
 *       provider's creation until {@code close()}.</li>
 *   <li>A {@link org.voicepanel.api.BackupRequest}, its {@link org.voicepanel.api.VoiceService} and an
 *       {@link org.voicepanel.api.UploadedSnapshot} are valid only until the handler they were given
 *       to returns: the host deletes the upload's spool file then. Keep none of them.</li>
 *   <li>A returned {@link org.voicepanel.api.SnapshotDownload} is written once, right after the
 *       handler returns, on the same thread.</li>
 * </ul>
 *
 * <h2>Types that grow</h2>
 * Types the host and plugins exchange ({@link org.voicepanel.api.SnapshotInfo},
 * {@link org.voicepanel.api.VoiceServerStatus}, {@link org.voicepanel.api.VoiceService},
 * {@link org.voicepanel.api.RestoreReport}, {@link org.voicepanel.api.ConnectionField},
 * {@link org.voicepanel.api.BackupRequest}) are final
 * classes made through factories and builders, so that a field added in a minor version breaks no
 * compiled plugin. Interfaces the host calls gain methods only with defaults.
 *
 * <h2>Threading</h2>
 * Handlers are called concurrently from request threads, for the same and for different
 * services (writes to one service one at a time, see below). Keep no per-service state: everything
 * about the voice server arrives with each call in {@link org.voicepanel.api.BackupRequest}.
 * Everything in the context is thread-safe; so must the provider be. Threads a provider starts are
 * its own to end in {@code close()}.
 *
 * <h2>What the host guarantees before a handler runs</h2>
 * <ul>
 *   <li>The caller is authenticated, has the route's role and owns the service.</li>
 *   <li>Create, upload, delete and restore run under the service's lock: no two of them run at
 *       once on one service, on any panel instance sharing the database.</li>
 *   <li>An upload reaches {@code upload} spooled to disk within the size limit; a file sealed by
 *       this panel has had its seal verified and removed
 *       ({@link org.voicepanel.api.UploadedSnapshot#external()} is false). Your handler still
 *       proves the payload is a snapshot of your format before storing it.</li>
 * </ul>
 *
 * <h2>What the host expects</h2>
 * <ul>
 *   <li>Failures as {@link org.voicepanel.api.BackupException} with the reason that fits; the
 *       message is shown to users, so make it a sentence without secrets. Anything else is
 *       answered as an internal error.</li>
 *   <li>A failed create or upload stores nothing; a failed restore or delete leaves the snapshot
 *       exactly as it was, and a failed restore leaves the voice server as it was before (put back
 *       if need be). What a finished restore could not bring back goes into its
 *       {@link org.voicepanel.api.RestoreReport}, which the user sees.</li>
 *   <li>Snapshot files are stored sealed ({@link org.voicepanel.api.SnapshotFileSealer}) and
 *       streamed; never hold a whole snapshot in one array on this API.</li>
 *   <li>Every call to a voice server ends within the provider's own timeout.</li>
 *   <li>Nothing a user sent reaches the voice server unescaped.</li>
 * </ul>
 *
 * <h2>Testing a provider</h2>
 * The API's test-jar ({@code <type>test-jar</type>}, test scope) holds
 * {@code org.voicepanel.api.testing.VoiceBackupProviderContract}: extend it in your tests, give it
 * a context over a real database and a running voice server (or a faithful simulator of one), and
 * it checks what the host relies on. The {@code snapshot-store} module is a ready store for sealed,
 * chunked snapshot files on the panel's database; {@code docs/plugin-authors.md} walks through a
 * whole plugin.
 *
 * @since 1.0
 */
package org.voicepanel.api;
