package org.cristal.ui.model;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.cristal.library.WorkspaceLocations;

/**
 * What the studio remembers between runs: the last workspace and story, recent workspaces, layout,
 * window size, theme, language and whether spelling is checked. A small properties file next to the default workspace; a missing
 * or damaged file just means defaults, never a failed start.
 */
public final class Settings {
    public static final String PROPERTY = "cristal.settings";
    private static final int MAX_RECENT = 8;
    private static final String SPELLING = "spelling";
    private static final System.Logger LOG = System.getLogger(Settings.class.getName());

    private final Path file;
    private final Properties values = new Properties();

    private Settings(Path file) {
        this.file = file;
    }

    /** The user's settings file, or the one named by the {@code cristal.settings} system property. */
    public static Path defaultFile() {
        String override = System.getProperty(PROPERTY, "");
        return override.isBlank() ? WorkspaceLocations.defaultPath().resolveSibling("settings.properties")
                : Path.of(override);
    }

    public static Settings load(Path file) {
        Settings s = new Settings(file);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                s.values.load(r);
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "settings file unreadable, using defaults: " + file, e);
                s.values.clear();
            }
        }
        return s;
    }

    public Path file() {
        return file;
    }

    public String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    public void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
    }

    public double getDouble(String key, double fallback) {
        try {
            return Double.parseDouble(values.getProperty(key, ""));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(values.getProperty(key, "false"));
    }

    /** Whether the studio checks spelling and grammar with LanguageTool; on unless the user turned it off. */
    public boolean spellingEnabled() {
        return !"false".equals(values.getProperty(SPELLING, "true"));
    }

    public void setSpellingEnabled(boolean on) {
        put(SPELLING, String.valueOf(on));
    }

    public Optional<Path> lastWorkspace() {
        List<Path> recent = recentWorkspaces();
        return recent.isEmpty() ? Optional.empty() : Optional.of(recent.get(0));
    }

    /** Most recent first. */
    public List<Path> recentWorkspaces() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String p = values.getProperty("recent." + i);
            if (p != null && !p.isBlank()) {
                out.add(Path.of(p));
            }
        }
        return out;
    }

    public void rememberWorkspace(Path path) {
        List<Path> recent = new ArrayList<>(recentWorkspaces());
        Path abs = path.toAbsolutePath().normalize();
        recent.remove(abs);
        recent.add(0, abs);
        for (int i = 0; i < MAX_RECENT; i++) {
            put("recent." + i, i < recent.size() ? recent.get(i).toString() : null);
        }
    }

    /** The story last open in a workspace. */
    public Optional<String> lastStory(Path workspace) {
        return Optional.ofNullable(values.getProperty("story." + key(workspace)));
    }

    public void rememberStory(Path workspace, String id) {
        put("story." + key(workspace), id);
    }

    private static String key(Path workspace) {
        return Integer.toHexString(workspace.toAbsolutePath().normalize().toString().hashCode());
    }

    /** Writes the file atomically; a failure is logged, never shown as a crash. */
    public void save() {
        try {
            StringWriter w = new StringWriter();
            values.store(w, "Cristal studio settings");
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, w.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot save settings to " + file, e);
        }
    }
}
