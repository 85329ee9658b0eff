package org.cristal.publish.oauth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Workspace;
import org.cristal.publish.Accounts;
import org.cristal.publish.MemoryContext;
import org.cristal.publish.PluginSource;
import org.cristal.publish.SecretStore;
import org.cristal.publish.SecretStoreException;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.Connected;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.OAuthConnect;
import org.cristal.publish.spi.OAuthSpec;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;

/**
 * The Connect of a saved channel account, from the studio's account form or {@code cristal channels connect}:
 * the plugin's {@link org.cristal.publish.spi.OAuthConnect} says where to go, this class registers when the
 * service needs it, opens the consent page through the {@link Browser}, waits for the loopback redirect,
 * trades the code, asks the plugin what was reached, lets the user choose where to post when there are
 * several places, and saves the choice with the account and the grant in the secret store. Blocking: run it
 * off the FX thread; {@link #cancel()} from any thread ends the wait.
 *
 */
public final class Connector {
    /**
     * Asks the user where to post when the grant reaches several places (Pages, organisations, locations).
     * Called on the connecting thread: the studio shows its dialog on the FX thread and waits for the answer.
     * Empty: the user gave up, nothing is saved.
     */
    @FunctionalInterface
    public interface Chooser {
        Optional<Connected.Target> choose(LocalText who, List<Connected.Target> targets);
    }

    /** What a Connect did: the account as saved, who it connected as, the place chosen (if any). */
    public record Result(ChannelAccount account, LocalText who, Optional<Connected.Target> target) {
    }

    /**
     * Who an account is connected as and where its posts go, as the service named them at Connect ("" when a
     * grant came before Cristal kept them).
     */
    public record Link(String who, String place) {
        public Link {
            who = Objects.requireNonNullElse(who, "");
            place = Objects.requireNonNullElse(place, "");
        }
    }

    /** Secret-store key listing the setting keys of the chosen place's secrets, so Disconnect can forget them. */
    static final String TARGET_SECRETS = "oauth.targetSecrets";
    /*
     * The names shown when the form is opened again. In the secret store, with the grant, rather than in the
     * workspace: a person's name is personal data, and an exported or shared workspace should not carry it.
     */
    static final String CONNECTED_WHO = "oauth.connectedAs";
    static final String CONNECTED_PLACE = "oauth.connectedPlace";

    private final Workspace ws;
    private final PluginSource plugins;
    private final SecretStore secrets;
    private final Clock clock;
    private final Browser browser;
    private final Locale locale;
    private final Duration wait;
    private volatile Connection connection;
    private volatile boolean cancelled;

    public Connector(Workspace ws, PluginSource plugins, SecretStore secrets, Clock clock, Browser browser,
            Locale locale) {
        this(ws, plugins, secrets, clock, browser, locale, Connection.WAIT);
    }

    /** With another wait for the browser's return (tests). */
    public Connector(Workspace ws, PluginSource plugins, SecretStore secrets, Clock clock, Browser browser,
            Locale locale, Duration wait) {
        this.ws = Objects.requireNonNull(ws);
        this.plugins = Objects.requireNonNull(plugins);
        this.secrets = Objects.requireNonNull(secrets);
        this.clock = Objects.requireNonNull(clock);
        this.browser = Objects.requireNonNull(browser);
        this.locale = Objects.requireNonNull(locale);
        this.wait = Objects.requireNonNull(wait);
    }

    /**
     * Connects the saved account {@code accountId}. Outbox entries of this account waiting for a reconnection
     * become due again once it succeeds.
     *
     * @throws PublishException with a message for the user: no app id, the browser or port unavailable, the
     *                          user refused, the 5-minute wait ran out, the service refused the code, cancelled
     */
    public Result connect(String accountId, Chooser chooser) throws PublishException {
        try {
            return connectOnce(accountId, chooser);
        } finally {
            // The same Connector may connect again (the user clicks Connect after a cancel).
            connection = null;
            cancelled = false;
        }
    }

    private Result connectOnce(String accountId, Chooser chooser) throws PublishException {
        ChannelAccount account = ws.channelAccounts().get(accountId).orElseThrow(() -> PublishException.permanent(
                OAuthText.of("publish.core.accountMissing", accountId)));
        ChannelPlugin plugin = plugins.find(account.plugin()).orElseThrow(() -> PublishException.permanent(
                OAuthText.of("publish.core.pluginMissing", account.plugin())));
        OAuthConnect oauth = plugin.oauth().orElseThrow(() -> PublishException.permanent(
                OAuthText.of("publish.connect.tokenOnly", plugin.displayName())));
        Accounts accounts = new Accounts(ws.channelAccounts(), secrets);
        ChannelSettings stored;
        try {
            stored = accounts.settings(account, plugin);
        } catch (SecretStoreException e) {
            throw PublishException.permanent(OAuthText.of("publish.core.secretsUnavailable", account.name(), e.text()));
        }
        PublishContext context = new MemoryContext(clock, locale);
        String service = plugin.displayName().get(Locale.ENGLISH);
        // What the service's registration returned: kept only once the whole Connect has succeeded.
        Map<String, String> registered = new LinkedHashMap<>();
        ChannelSettings[] settings = {stored};
        Connection c = new Connection(browser, new SecureRandom(), locale, wait);
        connection = c;
        if (cancelled) {
            c.cancel();
        }
        int port = fixedPort(oauth, stored);
        Grant grant = c.connect(port, redirectUri -> {
            Map<String, String> got = oauth.register(settings[0], redirectUri, context);
            for (Map.Entry<String, String> e : got.entrySet()) {
                settings[0] = settings[0].isSecret(e.getKey()) ? settings[0].withSecret(e.getKey(), e.getValue())
                        : settings[0].with(e.getKey(), e.getValue());
            }
            registered.putAll(got);
            OAuthSpec spec = oauth.spec(settings[0]);
            return new Connection.Consent(spec.authorizationEndpoint(),
                    TokenClient.of(service, account.name(), spec, clock), spec.clientId(), spec.scope(), spec.extra());
        });
        Connected reached = oauth.connected(settings[0].withSecret(OAuthConnect.ACCESS_TOKEN, grant.accessToken()),
                context);
        if (reached.accessToken() != null) {
            grant = new Grant(reached.accessToken(), grant.refreshToken(), reached.expiresAt(), grant.scope());
        }
        Optional<Connected.Target> target = choose(reached, chooser);
        ChannelAccount saved = save(accounts, account, plugin, registered, reached, target, grant);
        ws.outbox().dueAgain(accountId, clock.instant());
        return new Result(saved, reached.who(), target);
    }

    /**
     * The port the service expects, if any. Before a registration the spec may lack the client id it brings:
     * then any port, and the spec asked again once registered says what is really missing.
     */
    private static int fixedPort(OAuthConnect oauth, ChannelSettings settings) {
        try {
            return oauth.spec(settings).fixedPort();
        } catch (PublishException e) {
            return 0;
        }
    }

    private static Optional<Connected.Target> choose(Connected reached, Chooser chooser) throws PublishException {
        if (reached.targets().isEmpty()) {
            return Optional.empty();
        }
        if (reached.targets().size() == 1) {
            return Optional.of(reached.targets().get(0));
        }
        Optional<Connected.Target> chosen = chooser.choose(reached.who(), reached.targets());
        if (chosen.isEmpty()) {
            throw PublishException.cancelled();
        }
        return chosen;
    }

    private ChannelAccount save(Accounts accounts, ChannelAccount account, ChannelPlugin plugin,
            Map<String, String> registered, Connected reached, Optional<Connected.Target> target, Grant grant)
            throws PublishException {
        Map<String, String> values = new LinkedHashMap<>(account.settings());
        values.putAll(registered);
        if (target.isPresent() && !reached.targetKey().isEmpty()) {
            values.put(reached.targetKey(), target.get().id());
        }
        try {
            // Straight to the secret store, even under a key the plugin forgot to declare secret.
            if (target.isPresent()) {
                for (Map.Entry<String, String> e : target.get().secrets().entrySet()) {
                    secrets.put(account.id(), e.getKey(), e.getValue());
                }
            }
            ChannelAccount saved = accounts.save(new ChannelAccount(account.id(), account.plugin(), account.name(),
                    values, account.enabled(), account.createdAt(), clock.instant()), plugin);
            String keys = target.map(t -> String.join(",", t.secrets().keySet())).orElse("");
            if (keys.isEmpty()) {
                secrets.remove(account.id(), TARGET_SECRETS);
            } else {
                secrets.put(account.id(), TARGET_SECRETS, keys);
            }
            new Grants(secrets, clock).save(account.id(), grant);
            secrets.put(account.id(), CONNECTED_WHO, reached.who().get(locale));
            if (target.isPresent()) {
                secrets.put(account.id(), CONNECTED_PLACE, target.get().name());
            } else {
                secrets.remove(account.id(), CONNECTED_PLACE);
            }
            return saved;
        } catch (SecretStoreException e) {
            throw PublishException.permanent(OAuthText.of("publish.core.secretsUnavailable", account.name(), e.text()));
        }
    }

    /** Ends a {@link #connect} under way; it then throws {@link PublishException#cancelled()}. */
    public void cancel() {
        cancelled = true;
        Connection c = connection;
        if (c != null) {
            c.cancel();
        }
    }

    /** Whether the account has a grant stored (the form shows "Connected" and a Disconnect button). */
    public boolean isConnected(String accountId) throws SecretStoreException {
        return new Grants(secrets, clock).load(accountId).isPresent();
    }

    /** Who and where the account is connected as; empty when it has no grant. */
    public Optional<Link> link(String accountId) throws SecretStoreException {
        if (!isConnected(accountId)) {
            return Optional.empty();
        }
        return Optional.of(new Link(secrets.get(accountId, CONNECTED_WHO).orElse(""),
                secrets.get(accountId, CONNECTED_PLACE).orElse("")));
    }

    /** Forgets the account's grant and chosen place's secrets; its outbox entries then wait for a reconnection. */
    public void disconnect(String accountId) throws SecretStoreException {
        forget(secrets, accountId);
    }

    /** Removes an account's grant and its chosen place's secrets from {@code secrets}. */
    public static void forget(SecretStore secrets, String accountId) throws SecretStoreException {
        Optional<String> keys = secrets.get(accountId, TARGET_SECRETS);
        if (keys.isPresent()) {
            for (String key : keys.get().split(",")) {
                if (!key.isBlank()) {
                    secrets.remove(accountId, key);
                }
            }
            secrets.remove(accountId, TARGET_SECRETS);
        }
        secrets.remove(accountId, CONNECTED_WHO);
        secrets.remove(accountId, CONNECTED_PLACE);
        new Grants(secrets, Clock.systemUTC()).remove(accountId);
    }
}
