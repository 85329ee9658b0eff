package org.cristal.publish.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cristal.story.Channel;
import org.cristal.story.Network;

/**
 * What a plugin is, as the channels list, the publish dialog and the outbox need to know it before any
 * account is configured: one record, so a plugin states its metadata in one place and a new piece of
 * metadata is one new component with a default rather than one more method on every plugin.
 *
 * @param id stable identifier, never translated, lower case ({@code "mastodon"}, {@code "smtp-newsletter"})
 * @param displayName the name the user sees ("Mastodon", "Newsletter (SMTP)")
 * @param description one sentence saying what it does, for the list of channels
 * @param icon an Ikonli Feather icon literal ({@code "fth-send"}, {@code "fth-mail"})
 * @param renditions the renditions it publishes: {@link Channel#SOCIAL} for a network, {@link Channel#EMAIL} …
 * @param network for a social plugin, the network whose posts (length, thread split, hashtags) it sends
 * @param keyMemory how long the service remembers an idempotency key ({@link ChannelPlugin#keyMemory()});
 *     none when null or negative
 * @param reachesContacts it sends one message per contact (a newsletter): each send gets its audience from
 *     the workspace's contacts ({@link PublishContext#recipients()}), names a segment, and the checklist
 *     counts whom it reaches
 */
public record PluginDescriptor(String id, LocalText displayName, LocalText description, String icon,
        Set<Channel> renditions, Optional<Network> network, Duration keyMemory, boolean reachesContacts) {
    public PluginDescriptor {
        Objects.requireNonNull(id);
        Objects.requireNonNull(displayName);
        Objects.requireNonNull(description);
        Objects.requireNonNull(icon);
        renditions = Set.copyOf(renditions);
        Objects.requireNonNull(network);
        keyMemory = keyMemory == null || keyMemory.isNegative() ? ChannelPlugin.NO_KEY_MEMORY : keyMemory;
    }

    /** A plugin with no description, the generic send icon, no social network and no key memory; the withers add them. */
    public static PluginDescriptor of(String id, LocalText displayName, Set<Channel> renditions) {
        return new PluginDescriptor(id, displayName, LocalText.of(""), "fth-send", renditions, Optional.empty(),
                ChannelPlugin.NO_KEY_MEMORY, false);
    }

    public PluginDescriptor description(LocalText text) {
        return new PluginDescriptor(id, displayName, text, icon, renditions, network, keyMemory, reachesContacts);
    }

    public PluginDescriptor icon(String literal) {
        return new PluginDescriptor(id, displayName, description, literal, renditions, network, keyMemory, reachesContacts);
    }

    public PluginDescriptor network(Network n) {
        return new PluginDescriptor(id, displayName, description, icon, renditions, Optional.of(n), keyMemory, reachesContacts);
    }

    /** Sends to the workspace's contacts, one message each (see the {@code reachesContacts} component). */
    public PluginDescriptor sendsToContacts() {
        return new PluginDescriptor(id, displayName, description, icon, renditions, network, keyMemory, true);
    }

    public PluginDescriptor keyMemory(Duration d) {
        return new PluginDescriptor(id, displayName, description, icon, renditions, network, d, reachesContacts);
    }
}
