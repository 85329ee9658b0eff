package org.cristal.library;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the workspace file lives when the user did not say: the platform's folder for user data.
 * Order of precedence: {@code --workspace PATH}, then the {@code CRISTAL_WORKSPACE} variable, then
 * the default.
 */
public final class WorkspaceLocations {
    /** The environment variable naming a workspace file. */
    public static final String ENV = "CRISTAL_WORKSPACE";
    public static final String FILE_NAME = "default.cristal";

    private WorkspaceLocations() {
    }

    /** The default workspace of this user on this machine. */
    public static Path defaultPath() {
        return defaultPath(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * Linux and other Unix: {@code $XDG_DATA_HOME/cristal} or {@code ~/.local/share/cristal}; macOS:
     * {@code ~/Library/Application Support/Cristal}; Windows: {@code %APPDATA%\Cristal}.
     */
    static Path defaultPath(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming")
                    : Path.of(appData);
            return base.resolve("Cristal").resolve(FILE_NAME);
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("Cristal").resolve(FILE_NAME);
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        Path base = xdg == null || xdg.isBlank() || !Path.of(xdg).isAbsolute() ? home.resolve(".local").resolve("share")
                : Path.of(xdg);
        return base.resolve("cristal").resolve(FILE_NAME);
    }

    /** The workspace to open: the command-line value, else {@code CRISTAL_WORKSPACE}, else the default. */
    public static Path resolve(Optional<String> cliValue, Map<String, String> env) {
        return resolve(cliValue, env, System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    static Path resolve(Optional<String> cliValue, Map<String, String> env, String osName, Path home) {
        if (cliValue.isPresent() && !cliValue.get().isBlank()) {
            return Path.of(cliValue.get());
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return defaultPath(osName, env, home);
    }
}
