package org.cristal.publish;

import java.util.Objects;
import org.cristal.publish.spi.LocalText;

/**
 * Why a plugin (or a whole jar) is not in use, for the plugins screen and {@code cristal channels list}.
 *
 * @param source   the jar's file name, or {@code "built-in"} for a plugin on Cristal's own class path
 * @param pluginId the plugin's id when it got that far, or ""
 * @param message  what happened and what to do, in the user's words
 */
public record PluginProblem(String source, String pluginId, LocalText message) {
    /** The {@link #source()} of a plugin that comes with Cristal. */
    public static final String BUILT_IN = "built-in";

    public PluginProblem {
        Objects.requireNonNull(source);
        pluginId = Objects.requireNonNullElse(pluginId, "");
        Objects.requireNonNull(message);
    }
}
