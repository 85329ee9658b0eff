package org.cristal.publish.spi;

import java.util.Map;

/**
 * The Connect button of a plugin's accounts: OAuth 2.0 for native apps (RFC 8252), with the system browser,
 * a loopback redirect, PKCE and a state check, all carried out by Cristal's core. The plugin only says
 * where to go and reads what it got.
 *
 * <p>Before every call of {@link ChannelPlugin#publish}, {@link ChannelPlugin#lookup},
 * {@link ChannelPlugin#testConnection} and the results reader, Cristal refreshes the account's grant when it
 * is about to expire and hands the plugin the access token as the secret setting {@link #ACCESS_TOKEN}. A
 * grant the service no longer accepts becomes a "reconnect" message, and the outbox keeps the post waiting
 * for the user to connect again rather than failing it for good.
 */
public interface OAuthConnect {
    /** The secret setting under which a plugin finds a valid access token; absent when not connected. */
    String ACCESS_TOKEN = "oauth.accessToken";

    /**
     * Endpoints, client and scope for this account's settings. No network: called again at every refresh.
     *
     * @throws PublishException (permanent) when a setting the service needs is missing: its app id, its instance
     */
    OAuthSpec spec(ChannelSettings settings) throws PublishException;

    /**
     * Before the consent page opens, for a service where Cristal registers itself on each server (Mastodon's
     * {@code POST /api/v1/apps}): registers with {@code redirectUri} and returns the setting values to keep
     * (client id, secret), which {@link #spec} then reads. Most services need nothing: the default returns none.
     * A secret value is kept in the secret store when its key is a secret setting of the plugin.
     */
    default Map<String, String> register(ChannelSettings settings, String redirectUri, PublishContext context)
            throws PublishException {
        return Map.of();
    }

    /**
     * Right after the code exchange, with the new token in {@code settings} as {@link #ACCESS_TOKEN}: reads
     * who the user is and where the grant lets Cristal post; may trade the token for a longer-lived one.
     */
    Connected connected(ChannelSettings settings, PublishContext context) throws PublishException;

    /**
     * Whether an account that was never connected can still post with what its settings hold (Mastodon and X:
     * a token pasted the old way). When false, such an account's posts wait for a Connect.
     */
    default boolean worksWithoutConnect(ChannelSettings settings) {
        return false;
    }

    /**
     * The settings Connect fills in itself (the place chosen, its token, a client registered on the server).
     * The account form does not show them: an id or a token nobody typed is only noise there, and the form
     * names the place in words once connected. Each must be a declared, optional setting.
     */
    default java.util.Set<String> filledByConnect() {
        return java.util.Set.of();
    }
}
