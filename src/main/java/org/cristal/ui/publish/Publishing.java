package org.cristal.ui.publish;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cristal.library.Workspace;
import org.cristal.publish.PassphraseSource;
import org.cristal.publish.PluginRegistry;
import org.cristal.publish.PluginSource;
import org.cristal.publish.Publisher;
import org.cristal.publish.SecretStore;
import org.cristal.publish.SecretStores;

/**
 * Where the studio's publishing screens get their plugins, secrets and time: the seam tests replace with
 * an in-test plugin and a map-backed secret store.
 *
 * @param pluginsOf  the plugins of a workspace (third-party jars are enabled per workspace)
 * @param connecting how an account form connects an account (the core's Connector; a test's own flow)
 */
public record Publishing(Function<Workspace, PluginSource> pluginsOf, SecretStore secrets, Clock clock,
        Connecting.Factory connecting) {

    public Publishing(Function<Workspace, PluginSource> pluginsOf, SecretStore secrets, Clock clock) {
        this(pluginsOf, secrets, clock, Connecting.CORE);
    }

    /** The same plugins whatever the workspace (tests). */
    public Publishing(PluginSource plugins, SecretStore secrets, Clock clock) {
        this(ws -> plugins, secrets, clock);
    }

    /** The same, connecting accounts with {@code factory}. */
    public Publishing withConnecting(Connecting.Factory factory) {
        return new Publishing(pluginsOf, secrets, clock, factory);
    }

    /** The Connect of accounts of {@code ws}, opening consent pages with {@code browser}. */
    public Connecting connecting(Workspace ws, org.cristal.publish.oauth.Browser browser, java.util.Locale locale) {
        return connecting.open(this, ws, browser, locale);
    }

    /** The plugins of {@code ws}. */
    public PluginSource plugins(Workspace ws) {
        return pluginsOf.apply(ws);
    }

    /** A publisher over {@code ws} with these plugins and secrets. */
    public Publisher publisher(Workspace ws) {
        return new Publisher(ws, plugins(ws), secrets, clock);
    }

    /**
     * The workspace's plugin registry (built-in plugins plus the jars the user enabled) and the user's
     * secret store (the keychain, else a file encrypted with a passphrase {@code prompt} asks for), opened
     * when a secret is first needed.
     */
    public static Publishing defaults(Supplier<Optional<char[]>> prompt) {
        return defaults(PassphraseSource.of(prompt));
    }

    /** As above, with a prompt that asks twice when the user chooses the passphrase. */
    public static Publishing defaults(PassphraseSource prompt) {
        return new Publishing(new Registries(), SecretStores.lazy(prompt), Clock.systemUTC());
    }

    /** One registry per workspace, the last one kept: opening a registry makes class loaders for its jars. */
    private static final class Registries implements Function<Workspace, PluginSource> {
        private Workspace workspace;
        private PluginRegistry registry;

        @Override
        public synchronized PluginSource apply(Workspace ws) {
            if (ws != workspace) {
                if (registry != null) {
                    registry.close();
                }
                registry = PluginRegistry.open(ws);
                workspace = ws;
            }
            return registry;
        }
    }
}
