package org.cristal.library;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A configured publishing destination: one plugin with the user's settings for it ("Mastodon
 * @boulangerie", "Newsletter Levain"). Secrets are not here: they are in the secret store under
 * {@link #id()}.
 *
 * @param id       stable, chosen when created ({@code "mastodon"}, {@code "mastodon-2"}); the command line's
 *                 {@code --channel}
 * @param plugin   the plugin's id
 * @param name     what the user calls it
 * @param settings non-secret settings by key
 * @param enabled  whether "publish everywhere" includes it
 */
public record ChannelAccount(String id, String plugin, String name, Map<String, String> settings, boolean enabled,
        Instant createdAt, Instant updatedAt) {
    public ChannelAccount {
        Objects.requireNonNull(id);
        Objects.requireNonNull(plugin);
        name = Objects.requireNonNullElse(name, id);
        settings = Map.copyOf(Objects.requireNonNullElse(settings, Map.of()));
        createdAt = Objects.requireNonNullElse(createdAt, Instant.EPOCH);
        updatedAt = Objects.requireNonNullElse(updatedAt, Instant.EPOCH);
    }

    /** A new account, not yet saved. */
    public static ChannelAccount of(String id, String plugin, String name, Map<String, String> settings) {
        return new ChannelAccount(id, plugin, name, settings, true, null, null);
    }
}
