package org.cristal.publish.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.OAuthConnect;
import org.cristal.publish.spi.OAuthSpec;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;

/**
 * Facebook Login for the Facebook Page and Instagram plugins, with the user's own Meta app (Meta gives no
 * app to share between installs): its consent page and token endpoint, then the trade of the short-lived
 * user token (an hour or two) for a long-lived one (60 days) and the user's Pages with their own tokens.
 * A Page token obtained with a long-lived user token does not expire, so posting keeps working without
 * the user reconnecting every two months.
 */
public final class GraphLogin {
    /**
     * Facebook Login matches the redirect URI exactly against the app's "Valid OAuth Redirect URIs", port
     * included, so Cristal waits on this one port (RFC 8252 §7.3 allows any, Meta does not).
     */
    public static final int PORT = 47231;
    public static final String REDIRECT_URI = "http://127.0.0.1:" + PORT + "/callback";
    public static final String APP_ID = "appId";
    public static final String APP_SECRET = "appSecret";
    public static final String PAGE_TOKEN = "pageToken";

    private GraphLogin() {
    }

    /** Where Connect goes for these settings, asking for {@code scope} (Meta's comma-separated list). */
    public static OAuthSpec spec(ChannelSettings settings, String scope) throws PublishException {
        String api = Graph.api(settings);
        // The consent page is on www.facebook.com, the token endpoint on the Graph API; a test server is both.
        String dialog = api.equals(Graph.DEFAULT_API) ? "https://www.facebook.com" : api;
        return new OAuthSpec(URI.create(dialog + "/" + Graph.VERSION + "/dialog/oauth"),
                URI.create(api + "/" + Graph.VERSION + "/oauth/access_token"), settings.require(APP_ID),
                settings.get(APP_SECRET).orElse(null), scope,
                // A permission the user unticked last time is asked for again, not silently left out.
                Map.of("auth_type", "rerequest"), PORT, false);
    }

    /**
     * What a Connect reached.
     *
     * @param user      the user's name on Facebook
     * @param token     the long-lived user token
     * @param expiresAt when it expires (about 60 days), or null when Meta did not say
     * @param pages     {@code /me/accounts} entries: id, name, access_token and the fields asked for
     */
    public record Reached(String user, String token, Instant expiresAt, JsonNode pages) {
        /**
         * The expiry to give Cristal's core with the replacement token: none. Meta gives no refresh token, so a
         * stated expiry would make the core ask for a reconnection after 60 days, although the plugins post with
         * the Page token, which does not expire. The user token only serves at Connect, which makes a new one.
         */
        public Instant grantExpiry() {
            return null;
        }

        @Override
        public String toString() {
            return "Reached[" + user + ", token=•••, expiresAt=" + expiresAt + "]";
        }
    }

    /**
     * Trades the token Connect got for a long-lived one, then reads the user's name and Pages (with
     * {@code fields} beyond id, name and access_token: "instagram_business_account{id,username}").
     */
    public static Reached reach(String service, ChannelSettings settings, PublishContext context, String fields,
            Duration timeout) throws PublishException {
        String shortToken = settings.require(OAuthConnect.ACCESS_TOKEN);
        String appId = settings.require(APP_ID);
        String secret = settings.require(APP_SECRET);
        Graph graph = new Graph(service, Graph.api(settings), timeout, context.clock(), shortToken, secret);
        // Meta documents this exchange as a GET with the secret in the query; the URL is never logged or shown.
        JsonNode traded = graph.get("oauth/access_token?grant_type=fb_exchange_token&client_id=" + Graph.enc(appId)
                + "&client_secret=" + Graph.enc(secret) + "&fb_exchange_token=" + Graph.enc(shortToken), null);
        String token = graph.field(traded, "access_token");
        long seconds = traded.path("expires_in").asLong(0);
        Instant expiresAt = seconds > 0 ? context.clock().instant().plusSeconds(seconds) : null;
        Graph asUser = new Graph(service, Graph.api(settings), timeout, context.clock(), shortToken, secret, token);
        String name = asUser.get("me?fields=id,name", token).path("name").asText("");
        JsonNode pages = asUser.get("me/accounts?limit=100&fields=" + Graph.enc("id,name,access_token,tasks"
                + (fields.isEmpty() ? "" : "," + fields)), token).path("data");
        return new Reached(name, token, expiresAt, pages);
    }

    /** Whether the user may post on this Page ({@code tasks} lists CREATE_CONTENT; absent means not said). */
    public static boolean canPost(JsonNode page) {
        JsonNode tasks = page.path("tasks");
        if (!tasks.isArray()) {
            return true;
        }
        for (JsonNode t : tasks) {
            if ("CREATE_CONTENT".equals(t.asText())) {
                return true;
            }
        }
        return false;
    }
}
