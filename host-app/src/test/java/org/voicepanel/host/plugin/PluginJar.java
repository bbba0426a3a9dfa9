package org.voicepanel.host.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.pf4j.ExtensionPoint;
import org.voicepanel.api.VoiceBackupProvider;

/**
 * Builds a real PF4J plugin jar at test time, as PF4J's own tests do: Java sources compiled by the
 * JDK's compiler against plugin-api and pf4j (exactly what a plugin author compiles against), a
 * manifest describing the plugin, {@code META-INF/extensions.idx} naming its extensions, and any
 * resources such as Flyway scripts. Not thread-safe; build one jar per instance.
 */
public final class PluginJar {

    private final String pluginId;
    private String version = "1.0.0";
    private String requires = ">=2.0.0 & <3.0.0";
    private String pluginClass;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> extensions = new ArrayList<>();
    private final Map<String, byte[]> resources = new LinkedHashMap<>();
    private boolean bundlePluginApi;

    private PluginJar(String pluginId) {
        this.pluginId = pluginId;
    }

    public static PluginJar of(String pluginId) {
        return new PluginJar(pluginId);
    }

    public PluginJar version(String version) {
        this.version = version;
        return this;
    }

    /** The {@code Plugin-Requires} range checked against the host's plugin API version. */
    public PluginJar requires(String range) {
        this.requires = range;
        return this;
    }

    /** The {@code Plugin-Class}; without one PF4J uses its plain {@code Plugin}. */
    public PluginJar pluginClass(String className) {
        this.pluginClass = className;
        return this;
    }

    /** A source file, by the simple name of its public class (javac wants the file named so). */
    public PluginJar source(String simpleClassName, String code) {
        sources.put(simpleClassName, code);
        return this;
    }

    /** A source file kept under {@code src/test/resources}, read from the test class path. */
    public PluginJar sourceFromClasspath(String resource) {
        String fileName = resource.substring(resource.lastIndexOf('/') + 1);
        return source(fileName.substring(0, fileName.length() - ".java".length()), readResource(resource));
    }

    /** Lists a class in {@code META-INF/extensions.idx}. */
    public PluginJar extension(String className) {
        extensions.add(className);
        return this;
    }

    public PluginJar resource(String path, String text) {
        resources.put(path, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Packs copies of every plugin-api class into the jar too, as a careless plugin build would. */
    public PluginJar bundlingPluginApi() {
        this.bundlePluginApi = true;
        return this;
    }

    /** Compiles and writes {@code <pluginId>-<version>.jar} into {@code dir}; returns its path. */
    public Path writeTo(Path dir) {
        Path work = null;
        try {
            work = Files.createTempDirectory("plugin-jar-" + pluginId);
            Path classes = compile(work);
            Files.createDirectories(dir);
            Path jar = dir.resolve(pluginId + "-" + version + ".jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest())) {
                addTree(out, classes);
                if (!extensions.isEmpty()) {
                    add(out, "META-INF/extensions.idx", (String.join("\n", extensions) + "\n").getBytes(StandardCharsets.UTF_8));
                }
                for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
                    add(out, resource.getKey(), resource.getValue());
                }
                if (bundlePluginApi) {
                    addPluginApiCopies(out);
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(work);
        }
    }

    private Path compile(Path work) throws IOException {
        Path classes = Files.createDirectories(work.resolve("classes"));
        if (sources.isEmpty()) {
            return classes;
        }
        Path sourceDir = Files.createDirectories(work.resolve("src"));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            files.add(Files.writeString(sourceDir.resolve(source.getKey() + ".java"), source.getValue()));
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            // -proc:none: the extensions index is written by this builder, so it says exactly what the test wants
            List<String> options = List.of("--release", "17", "-proc:none", "-d", classes.toString(),
                    "-classpath", compileClasspath());
            boolean compiled = compiler.getTask(null, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
            if (!compiled) {
                throw new IllegalStateException("The sources of test plugin " + pluginId + " do not compile: "
                        + diagnostics.getDiagnostics());
            }
        }
        return classes;
    }

    /** plugin-api and pf4j, wherever this test run took them from (a jar in ~/.m2 or a classes folder). */
    private static String compileClasspath() {
        return location(VoiceBackupProvider.class) + java.io.File.pathSeparator + location(ExtensionPoint.class);
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Manifest manifest() {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", pluginId);
        attributes.putValue("Plugin-Version", version);
        attributes.putValue("Plugin-Provider", "voice panel tests");
        if (requires != null) {
            attributes.putValue("Plugin-Requires", requires);
        }
        if (pluginClass != null) {
            attributes.putValue("Plugin-Class", pluginClass);
        }
        return manifest;
    }

    private static void addPluginApiCopies(JarOutputStream out) throws IOException {
        Path api = location(VoiceBackupProvider.class);
        if (Files.isDirectory(api)) {
            addTree(out, api);
            return;
        }
        try (JarFile jar = new JarFile(api.toFile())) {
            for (JarEntry entry : jar.stream().filter(e -> !e.isDirectory())
                    .filter(e -> e.getName().startsWith("org/voicepanel/api/")).toList()) {
                add(out, entry.getName(), jar.getInputStream(entry).readAllBytes());
            }
        }
    }

    private static void addTree(JarOutputStream out, Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                add(out, root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
    }

    private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static String readResource(String resource) {
        try (var in = PluginJar.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes bytes that are no jar at all, named like one. */
    public static Path garbage(Path dir, String fileName) {
        try {
            Files.createDirectories(dir);
            byte[] bytes = "this is not a zip file, only text named like a plugin jar".getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = Files.newOutputStream(dir.resolve(fileName))) {
                out.write(bytes);
            }
            return dir.resolve(fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
