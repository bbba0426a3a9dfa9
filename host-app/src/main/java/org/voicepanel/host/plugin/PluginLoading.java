package org.voicepanel.host.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voicepanel.api.ConnectionField;
import org.voicepanel.api.ProviderContext;
import org.voicepanel.api.SnapshotFileResealer;
import org.voicepanel.api.VoiceBackupProvider;
import org.voicepanel.host.db.SchemaMigrations;

/**
 * Loads every plugin jar once at start-up: migrate its tables, start it, build its providers and
 * bind their routes. A broken, incompatible or duplicate plugin is reported and skipped; it
 * never stops the panel.
 */
public final class PluginLoading implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginLoading.class);
    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final PanelPluginManager manager;
    private final DataSource dataSource;
    private final ProviderRegistry registry = new ProviderRegistry();
    private final List<PluginReport> unreadable = new ArrayList<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> typesByPlugin = new ConcurrentHashMap<>();
    private final Set<String> unmigrated = ConcurrentHashMap.newKeySet();
    private final Map<String, List<VoiceBackupProvider>> providersByPlugin = new ConcurrentHashMap<>();

    public PluginLoading(Path pluginsDir, String apiVersion, DataSource dataSource,
                         Function<String, ProviderContext> contextOf) {
        this.manager = new PanelPluginManager(pluginsDir, apiVersion);
        this.dataSource = dataSource;
        manager.useExtensionFactory(new ProviderExtensionFactory(
                extensionClass -> contextOf.apply(manager.whichPlugin(extensionClass).getPluginId())));
        if (!Files.isDirectory(pluginsDir)) {
            log.warn("The plugins folder {} does not exist; no voice-server type is served", pluginsDir.toAbsolutePath());
            return;
        }
        for (Path jar : manager.pluginPaths()) {
            load(jar);
        }
        // in plugin-id order: which of two plugins claiming one type is refused must not depend on
        // PF4J's hash map, where adding an unrelated plugin could swap them
        for (PluginWrapper plugin : manager.getPlugins().stream()
                .sorted(Comparator.comparing(PluginWrapper::getPluginId)).toList()) {
            if (plugin.getPluginState() == PluginState.RESOLVED) {
                start(plugin);
            }
        }
        reports().forEach(report -> log.info("Plugin {} {}: {}{}", report.id(), report.version(), report.state(),
                report.reason() == null ? " " + report.voiceServerTypes() : " (" + report.reason() + ")"));
    }

    public ProviderRegistry registry() {
        return registry;
    }

    /**
     * The plugins whose tables could not be migrated: installed to serve, but serving nothing until a
     * start migrates them (each start tries again). They make the panel's health DOWN.
     */
    public Set<String> unmigrated() {
        return Set.copyOf(unmigrated);
    }

    public List<PluginReport> reports() {
        List<PluginReport> reports = new ArrayList<>(unreadable);
        for (PluginWrapper plugin : manager.getPlugins()) {
            String id = plugin.getPluginId();
            String failure = failures.get(id);
            String state = failure != null ? PluginState.FAILED.toString() : plugin.getPluginState().toString();
            String reason = failure != null ? failure : reasonOf(plugin);
            reports.add(new PluginReport(id, plugin.getDescriptor().getVersion(), state,
                    List.copyOf(typesByPlugin.getOrDefault(id, Set.of())), reason));
        }
        return reports;
    }

    private void load(Path jar) {
        try {
            manager.loadPlugin(jar);
        } catch (RuntimeException e) {
            log.error("Plugin jar {} cannot be loaded", jar.getFileName(), e);
            unreadable.add(new PluginReport(jar.getFileName().toString(), null, PluginState.FAILED.toString(),
                    List.of(), "cannot be loaded: " + withoutFolder(e.getMessage(), jar)));
        }
    }

    /** PF4J names a jar by its full path; the report names it by file name only (docs/api.md: no file paths). */
    private static String withoutFolder(String message, Path jar) {
        String name = jar.getFileName().toString();
        return String.valueOf(message)
                .replace(jar.toAbsolutePath().normalize().toString(), name)
                .replace(jar.toAbsolutePath().toString(), name)
                .replace(jar.toString(), name);
    }

    private void start(PluginWrapper plugin) {
        String id = plugin.getPluginId();
        try {
            SchemaMigrations.migrate(dataSource, plugin.getPluginClassLoader(), id);
        } catch (RuntimeException e) {
            unmigrated.add(id);
            fail(plugin, "its database migration failed: " + e.getMessage(), e);
            return;
        }
        if (manager.startPlugin(id) != PluginState.STARTED) {
            return;
        }
        try {
            List<VoiceBackupProvider> providers = manager.getExtensions(VoiceBackupProvider.class, id);
            if (providers.isEmpty()) {
                fail(plugin, "it offers no VoiceBackupProvider", null);
                return;
            }
            for (VoiceBackupProvider provider : providers) {
                bind(id, provider);
            }
        } catch (RuntimeException | LinkageError e) {
            fail(plugin, e.getMessage(), e);
        }
    }

    private void bind(String pluginId, VoiceBackupProvider provider) {
        providersByPlugin.computeIfAbsent(pluginId, id -> new CopyOnWriteArrayList<>()).add(provider);
        Set<String> types = new TreeSet<>(provider.voiceServerTypes());
        if (types.isEmpty() || !types.stream().allMatch(type -> TYPE.matcher(type).matches())) {
            throw new IllegalStateException("its voice-server types " + types + " are not lower-case names");
        }
        Map<String, List<ConnectionField>> fields = new HashMap<>();
        for (String type : types) {
            fields.put(type, DeclaredFields.check(type, provider.connectionFields(type)));
        }
        RouteTable routes = new RouteTable();
        provider.registerRoutes(routes);
        Optional<SnapshotFileResealer> resealer = Objects.requireNonNullElse(provider.snapshotFileResealer(),
                Optional.empty());
        for (String type : types) {
            var owner = registry.claim(type, new ProviderRegistry.Registration(pluginId, routes, fields.get(type),
                    resealer));
            if (owner.isPresent()) {
                // fail() releases whatever this plugin claimed before
                throw new IllegalStateException("the voice-server type " + type + " is already served by plugin "
                        + owner.get());
            }
        }
        typesByPlugin.computeIfAbsent(pluginId, id -> new TreeSet<>()).addAll(types);
    }

    private void fail(PluginWrapper plugin, String reason, Throwable cause) {
        String id = plugin.getPluginId();
        log.error("Plugin {} failed: {}", id, reason, cause);
        failures.put(id, reason);
        registry.release(id);
        typesByPlugin.remove(id);
        closeProviders(id);
        if (plugin.getPluginState() == PluginState.STARTED) {
            try {
                manager.stopPlugin(id);
            } catch (RuntimeException e) {
                log.warn("Plugin {} did not stop cleanly", id, e);
            }
        }
    }

    private String reasonOf(PluginWrapper plugin) {
        return switch (plugin.getPluginState()) {
            case FAILED -> "it failed to start: " + (plugin.getFailedException() == null ? "unknown cause"
                    : String.valueOf(plugin.getFailedException().getMessage()));
            case DISABLED -> "it requires plugin API " + plugin.getDescriptor().getRequires()
                    + " but this panel offers " + manager.getSystemVersion();
            default -> null;
        };
    }

    /** Closes each provider of a plugin once, after its routes are gone from the registry. */
    private void closeProviders(String pluginId) {
        for (VoiceBackupProvider provider : providersByPlugin.getOrDefault(pluginId, List.of())) {
            try {
                provider.close();
            } catch (RuntimeException | LinkageError e) {
                log.warn("A provider of plugin {} did not close cleanly", pluginId, e);
            }
        }
        providersByPlugin.remove(pluginId);
    }

    /** Called by Spring after the web server stopped taking requests, so no handler runs any more. */
    @Override
    public void close() {
        for (String pluginId : List.copyOf(providersByPlugin.keySet())) {
            registry.release(pluginId);
            closeProviders(pluginId);
        }
        // stop from a copy: PF4J's own stopPlugins() can fail with ConcurrentModificationException
        for (PluginWrapper plugin : List.copyOf(manager.getStartedPlugins())) {
            try {
                manager.stopPlugin(plugin.getPluginId());
            } catch (RuntimeException e) {
                log.warn("Plugin {} did not stop cleanly", plugin.getPluginId(), e);
            }
        }
    }
}
