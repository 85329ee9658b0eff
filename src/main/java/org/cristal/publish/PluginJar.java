package org.cristal.publish;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A jar found in a plugins folder, as the plugins screen lists it.
 *
 * @param path            where it is
 * @param sha256          the file's SHA-256, hex; enabling a jar records it, so a replaced jar must be
 *                        enabled again
 * @param declaredClasses the classes its {@code META-INF/services/org.cristal.publish.spi.ChannelPlugin}
 *                        lists, read without running any of its code
 * @param state           whether it is in use
 * @param pluginIds       the ids of the plugins it provides, once enabled and loaded
 */
public record PluginJar(Path path, String sha256, List<String> declaredClasses, State state,
        List<String> pluginIds) {
    /** Where a jar stands. */
    public enum State {
        /** Found, not enabled in this workspace: none of its code has run. */
        DISABLED,
        /** Enabled and loaded (see {@link PluginRegistry#problems()} for plugins of it that failed). */
        ENABLED,
        /** Enabled once, but the file has changed since: not loaded until enabled again. */
        CHANGED,
        /** Not a readable plugin jar. */
        BROKEN
    }

    public PluginJar {
        Objects.requireNonNull(path);
        Objects.requireNonNull(sha256);
        declaredClasses = List.copyOf(declaredClasses);
        Objects.requireNonNull(state);
        pluginIds = List.copyOf(pluginIds);
    }

    /** The file name, which is how the user and the workspace setting name it. */
    public String fileName() {
        return path.getFileName().toString();
    }
}
