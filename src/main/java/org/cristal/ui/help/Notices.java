package org.cristal.ui.help;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The licence texts the build put into the jar (pom.xml, ADR 0016): Cristal's {@code LICENSE}, the list of
 * third-party libraries with their licences, and each library's own LICENSE and NOTICE files. Read from the
 * class path, so the shaded jar, the installers' unshaded jars and a development build all show them.
 */
public final class Notices {
    static final String FOLDER = "META-INF/third-party/";
    static final String LIST = FOLDER + "THIRD-PARTY.txt";

    private Notices() {
    }

    /** Cristal's own licence text, if the build put it in. */
    public static Optional<String> licence() {
        return read("META-INF/LICENSE");
    }

    /** The list of third-party libraries, one per line: licence, name, coordinates, web page. */
    public static Optional<String> list() {
        return read(LIST);
    }

    /** The list, then every library's LICENSE/NOTICE file under its jar's name; slow-ish: off the UI thread. */
    public static String all() {
        StringBuilder out = new StringBuilder(list().orElse(""));
        URL url = Notices.class.getClassLoader().getResource(LIST);
        if (url == null) {
            return out.toString();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                appendNotices(out, fs.getPath("/" + FOLDER, "notices"));
            } else {
                appendNotices(out, Path.of(uri).resolveSibling("notices"));
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            System.getLogger(Notices.class.getName()).log(System.Logger.Level.WARNING, "notices unreadable", e);
        }
        return out.toString();
    }

    private static void appendNotices(StringBuilder out, Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        for (Path f : files) {
            // notices/<artifact>-<version>-jar/META-INF/NOTICE.md → "<artifact>-<version> · META-INF/NOTICE.md"
            Path rel = folder.relativize(f);
            String jar = rel.getName(0).toString().replaceFirst("-jar$", "");
            String name = rel.subpath(1, rel.getNameCount()).toString().replace('\\', '/');
            out.append("\n\n════ ").append(jar).append(" · ").append(name).append(" ════\n\n")
                    .append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8).strip());
        }
    }

    private static Optional<String> read(String resource) {
        try (InputStream in = Notices.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
