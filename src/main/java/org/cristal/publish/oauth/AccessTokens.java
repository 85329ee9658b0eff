package org.cristal.publish.oauth;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.cristal.library.ChannelAccount;
import org.cristal.publish.SecretStore;
import org.cristal.publish.SecretStoreException;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.OAuthConnect;
import org.cristal.publish.spi.PublishException;

/**
 * Hands a plugin that connects with a button a valid access token, in its settings as
 * {@link OAuthConnect#ACCESS_TOKEN}, before Cristal calls it for a publish, a look-up, a connection test or
 * its results: the grant is refreshed first when it is about to expire. Written once for every caller.
 */
public final class AccessTokens {
    /** The settings to call the plugin with, and whether the account posts through a Connect. */
    public record Access(ChannelSettings settings, boolean connected) {
    }

    private final SecretStore secrets;
    private final Clock clock;

    public AccessTokens(SecretStore secrets, Clock clock) {
        this.secrets = Objects.requireNonNull(secrets);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * {@code settings} with a fresh access token when the account has a grant; as they are for a plugin
     * without a Connect, or an account still on a pasted token.
     *
     * @throws Reconnect           (kind AUTH) when the account must be connected (again) first
     * @throws PublishException    transient when the token endpoint is down; permanent when it refuses the app
     * @throws SecretStoreException when the secret store cannot be read or written
     */
    public Access settings(ChannelAccount account, ChannelPlugin plugin, ChannelSettings settings)
            throws PublishException, SecretStoreException {
        Optional<OAuthConnect> oauth = plugin.oauth();
        if (oauth.isEmpty()) {
            return new Access(settings, false);
        }
        Grants grants = new Grants(secrets, clock);
        // Read once: each read may go to the system keychain.
        Optional<Grant> stored = grants.load(account.id());
        if (stored.isEmpty()) {
            if (oauth.get().worksWithoutConnect(settings)) {
                return new Access(settings, false);
            }
            throw Reconnect.first(account.name());
        }
        TokenClient tokens = TokenClient.of(plugin.displayName().get(java.util.Locale.ENGLISH), account.name(),
                oauth.get().spec(settings), clock);
        Grant grant = grants.fresh(account.id(), stored.get(), tokens);
        return new Access(settings.withSecret(OAuthConnect.ACCESS_TOKEN, grant.accessToken()), true);
    }

    /** Whether the account has a grant, so that a refused token means "connect again" rather than a failure. */
    public boolean connected(ChannelAccount account, ChannelPlugin plugin) throws SecretStoreException {
        return plugin.oauth().isPresent() && new Grants(secrets, clock).load(account.id()).isPresent();
    }
}
