package org.cristal.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.cristal.publish.spi.ChannelPlugin;

/** Builds plugin jars at test time, the way a plugin's author would: javac against Cristal, then a jar. */
public final class PluginJars {
    /** The example of docs/plugins.md, the very files the documentation shows. */
    public static final Path EXAMPLE = Path.of("docs/plugins/example");

    private PluginJars() {
    }

    /** Compiles {@code project}'s src/main/java and packs it with src/main/resources into {@code jar}. */
    public static Path build(Path project, Path jar) {
        try {
            Path classes = Files.createTempDirectory("plugin-classes");
            List<Path> sources;
            try (Stream<Path> s = Files.walk(project.resolve("src/main/java"))) {
                sources = s.filter(p -> p.toString().endsWith(".java")).toList();
            }
            compile(sources, classes);
            Path resources = project.resolve("src/main/resources");
            if (Files.isDirectory(resources)) {
                copyTree(resources, classes);
            }
            return pack(classes, jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A jar from sources given here: {@code sources} maps a class name to its source, {@code services}
     * lists the classes to declare in META-INF/services (none: no services file).
     */
    public static Path build(Map<String, String> sources, List<String> services, Path jar) {
        try {
            Path src = Files.createTempDirectory("plugin-src");
            Path classes = Files.createTempDirectory("plugin-classes");
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
                files.add(f);
            }
            compile(files, classes);
            if (!services.isEmpty()) {
                Path svc = classes.resolve(PluginRegistry.SERVICES);
                Files.createDirectories(svc.getParent());
                Files.writeString(svc, String.join("\n", services) + "\n");
            }
            return pack(classes, jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void compile(List<Path> sources, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-encoding", "UTF-8",
                "-classpath", cristalClasses().toString(), "-d", classes.toString()));
        boolean ok;
        try (var files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            ok = javac.getTask(errors, files, null, args, null, files.getJavaFileObjectsFromPaths(sources)).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!ok) {
            throw new IllegalStateException("plugin does not compile:\n" + errors);
        }
    }

    /** Where Cristal's own classes are (target/classes): all a plugin compiles against. */
    static Path cristalClasses() {
        try {
            return Path.of(ChannelPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path pack(Path classes, Path jar) throws IOException {
        Files.createDirectories(jar.toAbsolutePath().getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        List<Path> files;
        try (Stream<Path> s = Files.walk(classes)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            for (Path f : files) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
        }
        return jar;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
    }

    /** A minimal plugin source: {@code body} is inserted in the class (override what should fail). */
    public static String plugin(String className, String id, String body) {
        int dot = className.lastIndexOf('.');
        return "package " + className.substring(0, dot) + ";\n"
                + "import org.cristal.publish.spi.*;\nimport java.util.*;\nimport org.cristal.story.Channel;\n"
                + "public class " + className.substring(dot + 1) + " implements ChannelPlugin {\n"
                + (body.contains("descriptor()") ? "" : "  public PluginDescriptor descriptor() { return PluginDescriptor.of(\""
                        + id + "\", LocalText.of(\"" + id + "\", \"" + id + "\"), Set.of(Channel.WEB)); }\n")
                + (body.contains("settings()") ? "" : "  public List<SettingSpec> settings() { return List.of(); }\n")
                + "  public LocalText testConnection(ChannelSettings s, PublishContext c) { return LocalText.of(\"ok\"); }\n"
                + (body.contains("publish(") ? "" : "  public PublishResult publish(PublishRequest r, PublishContext c) {"
                        + " return new PublishResult(\"\", \"\", java.time.Instant.now(), 1); }\n")
                + body + "\n}\n";
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
