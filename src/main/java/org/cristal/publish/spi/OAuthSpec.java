package org.cristal.publish.spi;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where an account's Connect goes, for one account's settings: the service's consent page and token
 * endpoint, the app's client id (and secret, for a service that wants one even from a desktop app), the
 * scope asked for, and what the service needs beyond the standard.
 *
 * @param authorizationEndpoint the consent page ({@code https://www.facebook.com/v21.0/dialog/oauth})
 * @param tokenEndpoint         where the code is traded and the token refreshed
 * @param clientId              the app's id: Cristal's own where the service allows one, else the user's
 * @param clientSecret          the app's secret, or null; never in a log or a message
 * @param scope                 what is asked for, space separated as the service writes it
 * @param extra                 extra parameters of the consent page ({@code access_type=offline})
 * @param fixedPort             the loopback port a service matches exactly against a registered redirect URI,
 *                              or 0 for any free port (RFC 8252 §7.3)
 * @param basicAuth             the client authenticates to the token endpoint with HTTP Basic (X) rather
 *                              than {@code client_id} and {@code client_secret} in the form body
 */
public record OAuthSpec(URI authorizationEndpoint, URI tokenEndpoint, String clientId, String clientSecret,
        String scope, Map<String, String> extra, int fixedPort, boolean basicAuth) {
    public OAuthSpec {
        Objects.requireNonNull(authorizationEndpoint);
        Objects.requireNonNull(tokenEndpoint);
        Objects.requireNonNull(clientId);
        scope = Objects.requireNonNullElse(scope, "");
        extra = Map.copyOf(Objects.requireNonNullElse(extra, Map.of()));
    }

    /** A public client on any free port, the secret in the form body when there is one. */
    public static OAuthSpec of(URI authorizationEndpoint, URI tokenEndpoint, String clientId, String clientSecret,
            String scope) {
        return new OAuthSpec(authorizationEndpoint, tokenEndpoint, clientId, clientSecret, scope, Map.of(), 0, false);
    }

    public OAuthSpec extra(Map<String, String> params) {
        return new OAuthSpec(authorizationEndpoint, tokenEndpoint, clientId, clientSecret, scope, params, fixedPort,
                basicAuth);
    }

    public OAuthSpec fixedPort(int port) {
        return new OAuthSpec(authorizationEndpoint, tokenEndpoint, clientId, clientSecret, scope, extra, port,
                basicAuth);
    }

    public OAuthSpec withBasicAuth() {
        return new OAuthSpec(authorizationEndpoint, tokenEndpoint, clientId, clientSecret, scope, extra, fixedPort,
                true);
    }

    @Override
    public String toString() {
        return "OAuthSpec[" + authorizationEndpoint + ", " + tokenEndpoint + ", clientId=" + clientId + ", scope="
                + scope + (clientSecret == null ? "" : ", secret=•••") + "]";
    }
}
