package org.cristal.publish.spi;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cristal.story.Channel;
import org.cristal.story.Network;

/**
 * A destination a story can be published to: a newsletter sent by SMTP, a Mastodon account, a WordPress
 * site, a folder. Cristal finds plugins with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/org.cristal.publish.spi.ChannelPlugin} file listing the class): the built-in ones
 * on its class path, others in jars a user drops in a plugins folder and enables.
 *
 * <p>The user configures one or more <em>accounts</em> of a plugin (two Mastodon profiles, a client's
 * WordPress site) from {@link #settings()}; Cristal stores the values, with secrets kept out of the
 * workspace file, and passes them back in each call. A plugin keeps no state between calls and must be
 * thread-safe.
 *
 * <p>Cristal, not the plugin, records every publication in the outbox before calling {@link #publish},
 * retries {@linkplain PublishException.Kind#TRANSIENT transient} failures with backoff, and after a crash
 * asks {@link #lookup} whether an attempt whose outcome was lost went through, so nothing is posted
 * twice. See docs/plugins.md for a complete example.
 */
public interface ChannelPlugin {
    /** What the plugin is: id, name, description, icon, renditions, network and key memory, stated once. */
    PluginDescriptor descriptor();

    // The accessors below read the descriptor; plugins implement descriptor() and leave these alone.

    /** Stable identifier, never translated, lower case ({@code "mastodon"}, {@code "smtp-newsletter"}). */
    default String id() {
        return descriptor().id();
    }

    /** The name the user sees ("Mastodon", "Newsletter (SMTP)"). */
    default LocalText displayName() {
        return descriptor().displayName();
    }

    /** One sentence saying what it does, for the list of channels. */
    default LocalText description() {
        return descriptor().description();
    }

    /** An Ikonli Feather icon literal ({@code "fth-send"}, {@code "fth-mail"}). */
    default String icon() {
        return descriptor().icon();
    }

    /** The renditions it publishes: {@link Channel#SOCIAL} for a network, {@link Channel#EMAIL} … */
    default Set<Channel> renditions() {
        return descriptor().renditions();
    }

    /** Whether it sends one message per contact of the workspace (see {@link PluginDescriptor#reachesContacts()}). */
    default boolean reachesContacts() {
        return descriptor().reachesContacts();
    }

    /** For a social plugin, the network whose posts (length, thread split, hashtags) it sends. */
    default Optional<Network> network() {
        return descriptor().network();
    }

    /** How long a service that remembers nothing recognises a repeat: never. */
    Duration NO_KEY_MEMORY = Duration.ZERO;
    /** For a service that recognises a repeat at any time (a record key of its own, files compared by bytes). */
    Duration ALWAYS_REMEMBERS = ChronoUnit.FOREVER.getDuration();

    /**
     * How long the service remembers a publication's idempotency key, so that a request sent again with it
     * gets the first answer instead of a second post (Mastodon: an hour). After a failed attempt whose outcome
     * is unknown (a lost answer), once that long has passed Cristal asks {@link #lookup} before sending again.
     * {@link #NO_KEY_MEMORY} (the default) when the service honours no key, {@link #ALWAYS_REMEMBERS} when a
     * repeat is always recognised. Declared with {@link PluginDescriptor#keyMemory(Duration)}.
     */
    default Duration keyMemory() {
        return descriptor().keyMemory();
    }

    /** The settings an account needs, in form order. */
    List<SettingSpec> settings();

    /**
     * What is wrong with {@code settings}, without contacting anything; empty when they can be used. The
     * default checks what {@link SettingProblem#basic} checks.
     */
    default List<SettingProblem> validate(ChannelSettings settings) {
        return SettingProblem.basic(settings(), settings);
    }

    /**
     * Contacts the service with these settings and says who it is connected as ("@boulangerie on
     * piaille.fr"); throws with a clear message otherwise. Never publishes anything.
     */
    LocalText testConnection(ChannelSettings settings, PublishContext context) throws PublishException;

    /**
     * Publishes the request. Reports progress, stops soon after {@link PublishContext#isCancelled()},
     * records items done in the {@link PublishContext#journal()} when it sends more than one, and maps
     * every failure to a {@link PublishException} with a message a user can act on.
     */
    PublishResult publish(PublishRequest request, PublishContext context) throws PublishException;

    /**
     * After a crash between sending and recording, or before a retry once the service has forgotten the key
     * of an attempt whose answer was lost (see {@link #keyMemory()}), whether {@code request} went through:
     * the remote post found, or empty when it is certain it did not. A plugin that sends several items may
     * record in the {@linkplain PublishContext#journal() journal} those it finds, and return empty when some
     * are still missing: only what the journal lacks is sent again. Plugins whose service honours idempotency
     * keys for good, or that resume from the journal, may keep the default (empty: send again).
     *
     * @throws PublishException when the service cannot tell now (the outbox tries later)
     */
    default Optional<PublishResult> lookup(PublishRequest request, PublishContext context) throws PublishException {
        return Optional.empty();
    }

    /**
     * How to read back the counts the service reports about what this plugin published (favourites,
     * likes, comments…), when it reports any; empty (the default) when it does not. See {@link ResultsReader}.
     */
    default Optional<ResultsReader> results() {
        return Optional.empty();
    }

    /**
     * How an account connects with a Connect button instead of a pasted token, when the service allows it;
     * empty (the default) when its settings are all there is. See {@link OAuthConnect}.
     */
    default Optional<OAuthConnect> oauth() {
        return Optional.empty();
    }
}
