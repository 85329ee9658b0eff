import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Lays out what jlink and jpackage take, the same way on Linux, Windows and macOS (so the three
 * installer scripts cannot drift apart): run as {@code java installers/Stage.java BUILD_DIR OUT_DIR}.
 *
 * <ul>
 *   <li>{@code OUT/input}: the thin jar as cristal.jar and every runtime library unshaded (LGPL jars
 *       stay replaceable, each keeps its licence and NOTICE files), but not JavaFX;</li>
 *   <li>{@code OUT/javafx}: JavaFX's modular jars for jlink, without their natives, so nothing is
 *       unpacked into the user's home at the first start;</li>
 *   <li>{@code OUT/natives}: the natives of JavaFX and SQLite for this platform only, to be copied
 *       where the runtime looks for its own libraries (lib/ on Linux and macOS, bin\ on Windows).</li>
 * </ul>
 * sqlite-jdbc is repacked without its 24 natives: with none inside, it loads the one beside the
 * runtime's libraries (System.loadLibrary) instead of extracting a copy into the temp folder at
 * every start.
 */
public final class Stage {
    public static void main(String[] args) throws IOException {
        Path build = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path input = Files.createDirectories(out.resolve("input"));
        Path javafx = Files.createDirectories(out.resolve("javafx"));
        Path natives = Files.createDirectories(out.resolve("natives"));
        Files.copy(build.resolve("cristal-thin.jar"), input.resolve("cristal.jar"), StandardCopyOption.REPLACE_EXISTING);
        List<Path> libs;
        try (Stream<Path> s = Files.list(build.resolve("lib"))) {
            libs = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        String sqlitePlatform = "org/sqlite/native/" + sqliteOs() + "/" + sqliteArch() + "/";
        int kept = 0;
        for (Path lib : libs) {
            String name = lib.getFileName().toString();
            if (name.startsWith("javafx-")) {
                // javafx-base-21.0.9.jar is an empty placeholder; javafx-base-21.0.9-linux.jar holds the module.
                if (name.matches("javafx-[a-z]+-[0-9.]+-[a-z0-9-]+\\.jar")) {
                    split(lib, javafx.resolve(name), natives, e -> isNative(e) && !e.contains("/"));
                }
            } else if (name.startsWith("sqlite-jdbc-")) {
                split(lib, input.resolve(name), natives, e -> e.startsWith("org/sqlite/native/"),
                        e -> e.startsWith(sqlitePlatform) && isNative(e));
            } else {
                Files.copy(lib, input.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            kept++;
        }
        System.out.println("stage: " + kept + " libraries, natives for " + sqliteOs() + "/" + sqliteArch());
    }

    interface Rule {
        boolean test(String entry);
    }

    private static void split(Path jar, Path to, Path natives, Rule drop) throws IOException {
        split(jar, to, natives, drop, drop);
    }

    /** Copies {@code jar} to {@code to} without the entries {@code drop} names, extracting those {@code extract} names. */
    private static void split(Path jar, Path to, Path natives, Rule drop, Rule extract) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile());
             ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (drop.test(e.getName())) {
                    if (extract.test(e.getName())) {
                        String file = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                        try (InputStream in = zip.getInputStream(e)) {
                            Files.copy(in, natives.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                    continue;
                }
                zout.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream in = zip.getInputStream(e)) {
                    in.transferTo(zout);
                }
                zout.closeEntry();
            }
        }
    }

    private static boolean isNative(String entry) {
        return entry.endsWith(".so") || entry.endsWith(".dll") || entry.endsWith(".dylib");
    }

    // The folder names sqlite-jdbc uses (org.sqlite.util.OSInfo).
    private static String sqliteOs() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return os.contains("win") ? "Windows" : os.contains("mac") ? "Mac" : "Linux";
    }

    private static String sqliteArch() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : "x86_64";
    }
}
