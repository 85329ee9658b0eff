package org.cristal.ui.publish;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Workspace;
import org.cristal.publish.Accounts;
import org.cristal.publish.MemoryContext;
import org.cristal.publish.SecretStoreException;
import org.cristal.publish.oauth.Browser;
import org.cristal.publish.oauth.Connection;
import org.cristal.publish.oauth.Connector;
import org.cristal.publish.oauth.Grant;
import org.cristal.publish.oauth.Grants;
import org.cristal.publish.oauth.TokenClient;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.Connected;
import org.cristal.publish.spi.OAuthConnect;
import org.cristal.publish.spi.OAuthSpec;
import org.cristal.publish.spi.PublishException;

/**
 * The studio tests' Connect, made of the core's OAuth helpers while the core's {@link Connector} is built
 * elsewhere: the plugin's spec, a real loopback receiver and token exchange, the plugin's places, the choice
 * saved with the account and the grant in the secret store.
 */
public final class LoopbackConnecting implements Connecting {
    private final Publishing publishing;
    private final Workspace ws;
    private final Browser browser;
    private final Locale locale;
    private volatile Connection connection;
    private volatile boolean cancelled;

    public LoopbackConnecting(Publishing publishing, Workspace ws, Browser browser, Locale locale) {
        this.publishing = publishing;
        this.ws = ws;
        this.browser = browser;
        this.locale = locale;
    }

    @Override
    public Connector.Result connect(String accountId, Connector.Chooser chooser) throws PublishException {
        try {
            ChannelAccount account = ws.channelAccounts().get(accountId).orElseThrow();
            ChannelPlugin plugin = publishing.plugins(ws).find(account.plugin()).orElseThrow();
            OAuthConnect oauth = plugin.oauth().orElseThrow();
            ChannelSettings settings = new ChannelSettings(account.settings(), Set.of());
            OAuthSpec spec = oauth.spec(settings);
            Connection c = new Connection(browser, new SecureRandom(), locale, Duration.ofSeconds(60));
            connection = c;
            if (cancelled) {
                c.cancel();
            }
            Grant grant = c.connect(spec.authorizationEndpoint(), new TokenClient(plugin.displayName().get(locale),
                    account.name(), spec.tokenEndpoint(), spec.clientId(), spec.clientSecret(), publishing.clock()),
                    spec.clientId(), spec.scope(), spec.extra());
            Connected reached = oauth.connected(settings.withSecret(OAuthConnect.ACCESS_TOKEN, grant.accessToken()),
                    new MemoryContext(publishing.clock(), locale));
            Optional<Connected.Target> place = reached.targets().size() == 1 ? Optional.of(reached.targets().get(0))
                    : reached.targets().isEmpty() ? Optional.empty() : chooser.choose(reached.who(), reached.targets());
            if (!reached.targets().isEmpty() && place.isEmpty()) {
                throw PublishException.cancelled();
            }
            Map<String, String> values = new LinkedHashMap<>(account.settings());
            place.ifPresent(p -> {
                values.put(reached.targetKey(), p.id());
                values.putAll(p.secrets());
            });
            ChannelAccount saved = new Accounts(ws.channelAccounts(), publishing.secrets()).save(
                    new ChannelAccount(account.id(), account.plugin(), account.name(), values, account.enabled(),
                            account.createdAt(), account.updatedAt()), plugin);
            new Grants(publishing.secrets(), publishing.clock()).save(accountId, grant);
            return new Connector.Result(saved, reached.who(), place);
        } catch (SecretStoreException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        Connection c = connection;
        if (c != null) {
            c.cancel();
        }
    }

    @Override
    public boolean isConnected(String accountId) throws SecretStoreException {
        return new Grants(publishing.secrets(), publishing.clock()).load(accountId).isPresent();
    }

    @Override
    public void disconnect(String accountId) throws SecretStoreException {
        new Grants(publishing.secrets(), publishing.clock()).remove(accountId);
    }
}
