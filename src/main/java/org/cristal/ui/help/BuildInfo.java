package org.cristal.ui.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * What this build of Cristal is and runs on, for Help › About and a problem report: the version Maven wrote
 * into the jar (a {@code -SNAPSHOT} version is a development build), Java, JavaFX, the system. Nothing about
 * the user: no name, no folder, no workspace.
 */
public record BuildInfo(String version, String java, String javafx, String os, String issues) {
    private static final String RESOURCE = "build.properties";

    public static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // Unknown stays "dev": a build without its resource is not a release.
        }
        String version = p.getProperty("version", "");
        if (version.isBlank() || version.startsWith("${")) {
            version = "dev";
        }
        String issues = p.getProperty("issues", "");
        return new BuildInfo(version, Runtime.version().toString(),
                System.getProperty("javafx.runtime.version", p.getProperty("javafx", "?")),
                System.getProperty("os.name", "?") + " " + System.getProperty("os.version", "") + " "
                        + System.getProperty("os.arch", ""),
                issues.startsWith("${") ? "" : issues);
    }

    /** A build from a working copy, not a release: the About dialog and reports say so. */
    public boolean development() {
        return version.equals("dev") || version.toUpperCase(Locale.ROOT).endsWith("-SNAPSHOT");
    }
}
