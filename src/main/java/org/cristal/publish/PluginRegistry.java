package org.cristal.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.cristal.library.Workspace;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;

/**
 * The channel plugins of a workspace: the built-in ones (found with {@link ServiceLoader} on Cristal's
 * class path) and the third-party jars of the {@linkplain PluginFolders plugins folders} that the user
 * enabled in this workspace.
 *
 * <p>A jar in a plugins folder is only <em>listed</em> ({@link #jars()}: its file name, SHA-256 and the
 * classes it declares, read without running its code) until the user enables it; enabling records its
 * file name and SHA-256 in the workspace setting {@value #ENABLED_SETTING}, so a jar replaced afterwards
 * is not loaded until enabled again. Each enabled jar gets its own class loader whose parent is Cristal's.
 *
 * <p>One failing plugin never takes the others down: an unreadable jar, a class that cannot load or
 * throws while starting, an invalid or duplicate id (a built-in id wins, then the first jar by folder and
 * file name) each become a {@link PluginProblem} and the rest load. Third-party plugins are handed out
 * wrapped, so a crash inside them later becomes a {@link PublishException}.
 */
public final class PluginRegistry implements PluginSource, AutoCloseable {
    /** The workspace setting holding the enabled jars: a JSON object, file name → SHA-256 (hex). */
    public static final String ENABLED_SETTING = "plugins.enabled";
    static final String SERVICES = "META-INF/services/" + ChannelPlugin.class.getName();
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(PluginRegistry.class.getName());

    private final Workspace workspace;
    private final List<Path> folders;
    private final ClassLoader appLoader;
    /** Loaders stay open until close(): a publish may still be running in a plugin disabled meanwhile. */
    private final List<URLClassLoader> loaders = new ArrayList<>();
    /** The jars loaded so far, by path and SHA-256. */
    private final Map<String, Loaded> loaded = new HashMap<>();
    private volatile List<ChannelPlugin> plugins = List.of();
    private volatile List<PluginJar> jars = List.of();
    private volatile List<PluginProblem> problems = List.of();

    /**
     * @param workspace whose setting says which jars are enabled
     * @param folders   the plugins folders, in order of precedence
     * @param appLoader where the built-in plugins are, and the parent of each jar's loader
     */
    public PluginRegistry(Workspace workspace, List<Path> folders, ClassLoader appLoader) {
        this.workspace = Objects.requireNonNull(workspace);
        this.folders = List.copyOf(folders);
        this.appLoader = Objects.requireNonNull(appLoader);
        refresh();
    }

    /** The registry of a workspace, with the usual folders ({@link PluginFolders#all}). */
    public static PluginRegistry open(Workspace workspace) {
        return new PluginRegistry(workspace, PluginFolders.all(workspace.path()),
                PluginRegistry.class.getClassLoader());
    }

    /** The plugins in use: built-in first, then the enabled jars'. */
    @Override
    public List<ChannelPlugin> plugins() {
        return plugins;
    }

    /** Every jar found in the plugins folders, enabled or not. */
    public List<PluginJar> jars() {
        return jars;
    }

    /** What could not be loaded at the last {@link #refresh()}, and why. */
    public List<PluginProblem> problems() {
        return problems;
    }

    /** Whether {@code plugin} comes from a jar rather than with Cristal. */
    public boolean isThirdParty(ChannelPlugin plugin) {
        return plugin instanceof GuardedPlugin;
    }

    /** Enables the jar as listed (its current SHA-256) in this workspace and loads it. */
    public synchronized void enable(PluginJar jar) {
        Map<String, String> enabled = enabled();
        enabled.put(jar.fileName(), jar.sha256());
        store(enabled);
        refresh();
    }

    /** Stops using the jar with this file name in this workspace. */
    public synchronized void disable(String fileName) {
        Map<String, String> enabled = enabled();
        if (enabled.remove(fileName) != null) {
            store(enabled);
        }
        refresh();
    }

    /** Scans the folders again and reloads the enabled jars (after the user dropped or removed one). */
    public synchronized void refresh() {
        List<ChannelPlugin> found = new ArrayList<>();
        List<PluginProblem> trouble = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        loadBuiltIns(found, trouble, ids);
        Map<String, String> enabled = enabled();
        List<PluginJar> listed = new ArrayList<>();
        for (Path jar : jarFiles()) {
            listed.add(loadJar(jar, enabled, found, trouble, ids));
        }
        plugins = List.copyOf(found);
        jars = List.copyOf(listed);
        problems = List.copyOf(trouble);
    }

    @Override
    public synchronized void close() {
        for (URLClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing a plugin loader", e);
            }
        }
        loaders.clear();
        loaded.clear();
    }

    private void loadBuiltIns(List<ChannelPlugin> found, List<PluginProblem> trouble, Set<String> ids) {
        Iterator<ServiceLoader.Provider<ChannelPlugin>> it = ServiceLoader.load(ChannelPlugin.class, appLoader)
                .stream().iterator();
        // ServiceLoader tries the next provider after a failing one; the bound keeps a broken
        // configuration from looping.
        for (int failures = 0; failures < 100;) {
            try {
                if (!it.hasNext()) {
                    return;
                }
                ChannelPlugin plugin = it.next().get();
                String id = plugin.id();
                if (id == null || !ID.matcher(id).matches()) {
                    trouble.add(problem(PluginProblem.BUILT_IN, "", "plugins.problem.badId"));
                } else if (ids.add(id)) {
                    found.add(plugin);
                } else {
                    trouble.add(problem(PluginProblem.BUILT_IN, id, "plugins.problem.duplicate", id));
                }
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                failures++;
                LOG.log(System.Logger.Level.WARNING, "a built-in channel plugin failed to load", e);
                trouble.add(problem(PluginProblem.BUILT_IN, "", "plugins.problem.builtInFailed"));
            }
        }
    }

    private PluginJar loadJar(Path jar, Map<String, String> enabled, List<ChannelPlugin> found,
            List<PluginProblem> trouble, Set<String> ids) {
        String name = jar.getFileName().toString();
        String sha;
        List<String> classes;
        try {
            sha = sha256(jar);
            classes = declaredClasses(jar);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "unreadable plugin jar " + jar, e);
            trouble.add(problem(name, "", "plugins.problem.unreadable"));
            return new PluginJar(jar, "", List.of(), PluginJar.State.BROKEN, List.of());
        }
        if (classes.isEmpty()) {
            trouble.add(problem(name, "", "plugins.problem.noPlugin"));
            return new PluginJar(jar, sha, classes, PluginJar.State.BROKEN, List.of());
        }
        String wanted = enabled.get(name);
        if (wanted == null) {
            return new PluginJar(jar, sha, classes, PluginJar.State.DISABLED, List.of());
        }
        if (!wanted.equalsIgnoreCase(sha)) {
            trouble.add(problem(name, "", "plugins.problem.changed"));
            return new PluginJar(jar, sha, classes, PluginJar.State.CHANGED, List.of());
        }
        // A jar already loaded is not loaded again: its plugins keep their loader and no constructor runs twice.
        Loaded jarLoaded = loaded.computeIfAbsent(jar + "@" + sha, k -> load(jar, name, classes));
        trouble.addAll(jarLoaded.problems());
        List<String> loadedIds = new ArrayList<>();
        for (GuardedPlugin plugin : jarLoaded.plugins()) {
            if (!ids.add(plugin.id())) {
                trouble.add(problem(name, plugin.id(), "plugins.problem.duplicate", plugin.id()));
                continue;
            }
            found.add(plugin);
            loadedIds.add(plugin.id());
        }
        return new PluginJar(jar, sha, classes, PluginJar.State.ENABLED, loadedIds);
    }

    /** What one jar gave when it was loaded: its plugins, and the problems of the classes that failed. */
    private record Loaded(List<GuardedPlugin> plugins, List<PluginProblem> problems) {
    }

    private Loaded load(Path jar, String name, List<String> classes) {
        List<PluginProblem> trouble = new ArrayList<>();
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("plugin " + name, new URL[] {jar.toUri().toURL()}, appLoader);
        } catch (IOException e) {
            return new Loaded(List.of(), List.of(problem(name, "", "plugins.problem.unreadable")));
        }
        List<GuardedPlugin> plugins = new ArrayList<>();
        for (String className : classes) {
            GuardedPlugin plugin = instantiate(loader, name, className, trouble);
            if (plugin != null) {
                plugins.add(plugin);
            }
        }
        if (plugins.isEmpty()) {
            closeQuietly(loader);
        } else {
            loaders.add(loader);
        }
        return new Loaded(List.copyOf(plugins), List.copyOf(trouble));
    }

    private GuardedPlugin instantiate(URLClassLoader loader, String jar, String className,
            List<PluginProblem> trouble) {
        try {
            Class<?> type = Class.forName(className, true, loader);
            if (!ChannelPlugin.class.isAssignableFrom(type)) {
                trouble.add(problem(jar, "", "plugins.problem.notAPlugin"));
                return null;
            }
            ChannelPlugin raw = (ChannelPlugin) type.getDeclaredConstructor().newInstance();
            GuardedPlugin plugin = new GuardedPlugin(raw, jar, loader);
            if (plugin.id() == null || !ID.matcher(plugin.id()).matches()) {
                trouble.add(problem(jar, "", "plugins.problem.badId"));
                return null;
            }
            return plugin;
        } catch (ReflectiveOperationException | RuntimeException | Error e) {
            GuardedPlugin.rethrowFatal(e);
            LOG.log(System.Logger.Level.WARNING, "plugin class " + className + " from " + jar + " failed to load", e);
            trouble.add(problem(jar, "", "plugins.problem.loadFailed"));
            return null;
        }
    }

    private List<Path> jarFiles() {
        List<Path> out = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jar"))
                        .filter(Files::isRegularFile).sorted().forEach(out::add);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot list plugins folder " + folder, e);
            }
        }
        return out;
    }

    /** The classes the jar's services file lists; reads the zip only, runs nothing. */
    static List<String> declaredClasses(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            ZipEntry entry = file.getEntry(SERVICES);
            if (entry == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            try (InputStream in = file.getInputStream(entry);
                    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    int hash = line.indexOf('#');
                    String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
                    if (!name.isEmpty() && !out.contains(name)) {
                        out.add(name);
                    }
                }
            }
            return out;
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0;) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private Map<String, String> enabled() {
        String json = workspace.setting(ENABLED_SETTING).orElse("");
        if (json.isBlank()) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { }));
        } catch (JsonProcessingException e) {
            // A hand-edited setting: nothing third-party runs until the user enables it again.
            LOG.log(System.Logger.Level.WARNING, "unreadable " + ENABLED_SETTING + ", no plugin jar enabled", e);
            return new TreeMap<>();
        }
    }

    private void store(Map<String, String> enabled) {
        try {
            workspace.setSetting(ENABLED_SETTING, JSON.writeValueAsString(new TreeMap<>(enabled)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PluginProblem problem(String source, String pluginId, String key, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = source;
        System.arraycopy(args, 0, all, 1, args.length);
        return new PluginProblem(source, pluginId, LocalText.fromBundle(PublishException.BUNDLE, key, all));
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a plugin loader", e);
        }
    }
}
