package org.cristal.publish;

import java.nio.file.Path;
import java.util.List;
import org.cristal.library.WorkspaceLocations;

/**
 * Where third-party plugin jars are looked for.
 *
 * <ul>
 * <li>The workspace's folder: next to the workspace file, named after it with {@code .plugins} instead of
 * {@code .cristal} ({@code levain.cristal} → {@code levain.plugins/}). It travels with the workspace (a
 * shared drive, a backup) and only that workspace sees it.
 * <li>The user's folder: {@code plugins/} in Cristal's data folder, the one that holds the default workspace
 * ({@code ~/.local/share/cristal/plugins} or {@code $XDG_DATA_HOME/cristal/plugins} on Linux,
 * {@code ~/Library/Application Support/Cristal/plugins} on macOS, {@code %APPDATA%\Cristal\plugins} on
 * Windows). Every workspace of this user sees it.
 * </ul>
 * A jar found in either folder is only listed until the user enables it in a workspace.
 */
public final class PluginFolders {
    private PluginFolders() {
    }

    /** The workspace's own plugins folder, which may not exist. */
    public static Path forWorkspace(Path workspaceFile) {
        Path abs = workspaceFile.toAbsolutePath();
        String name = abs.getFileName().toString();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".cristal")
                ? name.substring(0, name.length() - ".cristal".length()) : name;
        return abs.resolveSibling(stem + ".plugins");
    }

    /** This user's plugins folder, which may not exist. */
    public static Path user() {
        return WorkspaceLocations.defaultPath().getParent().resolve("plugins");
    }

    /** The two folders for a workspace, the workspace's first (its plugins win a tie on file name). */
    public static List<Path> all(Path workspaceFile) {
        return List.of(forWorkspace(workspaceFile), user());
    }
}
