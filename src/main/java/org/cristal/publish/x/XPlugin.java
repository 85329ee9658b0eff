package org.cristal.publish.x;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cristal.publish.http.JsonHttp;
import org.cristal.publish.social.SocialThread;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.Connected;
import org.cristal.publish.spi.Journal;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.OAuthConnect;
import org.cristal.publish.spi.OAuthSpec;
import org.cristal.publish.spi.PluginDescriptor;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.spi.SettingSpec;
import org.cristal.story.Channel;
import org.cristal.story.Network;

/**
 * Posts a story's X rendition with the X API v2 and an OAuth 2 user-context token: text and link only
 * (X's media upload wants the v1.1 endpoints and OAuth 1.0a, so the image shows through the link's card),
 * a long text as a thread of replies.
 *
 * <p>X takes no idempotency key. Each post done is journalled, and each post about to be sent too; when a
 * retry re-sends a post whose answer was lost, X refuses it as duplicate content, and the plugin then finds
 * the post among the account's latest ones (same text once links are set aside, replying to the same post)
 * instead of failing. A duplicate of a post this publication never sent is the user's to fix.
 */
public final class XPlugin implements ChannelPlugin {
    static final String TOKEN = "token";
    static final String API = "api";
    static final String CLIENT_ID = "clientId";
    static final String CLIENT_SECRET = "clientSecret";
    static final String PORT = "port";
    static final String AUTHORIZE = "authorize";
    /** X matches the callback URL exactly, port included: the one the user registers with their app. */
    static final int DEFAULT_PORT = 8719;
    static final String SCOPES = "tweet.read tweet.write users.read offline.access";
    private static final String DUPLICATE = "duplicate content";

    private final Duration timeout;

    public XPlugin() {
        this(JsonHttp.REQUEST_TIMEOUT);
    }

    /** With another timeout (tests). */
    public XPlugin(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("x", LocalText.of("X"), Set.of(Channel.SOCIAL))
            .description(LocalText.of("Posts the story’s text and link to an X account, as a thread when it is long.",
                    "Publie le texte et le lien de l’histoire sur un compte X, en fil quand il est long."))
            .icon("fth-twitter")
            .network(Network.X);
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.optional(CLIENT_ID, SettingSpec.Type.TEXT, "",
                        LocalText.of("Client ID of your X app", "Client ID de votre application X"),
                        LocalText.of("X developer portal › your app › Keys and tokens › OAuth 2.0 Client ID. In the "
                                + "app’s User authentication settings, allow Read and write, and add the callback "
                                + "URL http://127.0.0.1:8719/callback. Then click Connect.",
                                "Portail développeur X › votre application › Keys and tokens › OAuth 2.0 Client ID. "
                                        + "Dans les User authentication settings de l’application, autorisez Read "
                                        + "and write et ajoutez l’URL de retour http://127.0.0.1:8719/callback. "
                                        + "Cliquez ensuite sur Connecter.")),
                new SettingSpec(CLIENT_SECRET, SettingSpec.Type.PASSWORD, false, true, "", List.of(),
                        LocalText.of("Client secret (confidential app only)",
                                "Client secret (application confidentielle seulement)"),
                        LocalText.of("Only if X made your app a confidential client (Web App): its OAuth 2.0 "
                                + "Client Secret. Leave empty for a Native App.",
                                "Seulement si X a fait de votre application un client confidentiel (Web App)\u00a0: "
                                        + "son OAuth 2.0 Client Secret. Laissez vide pour une Native App.")),
                SettingSpec.optional(PORT, SettingSpec.Type.INTEGER, Integer.toString(DEFAULT_PORT),
                        LocalText.of("Callback port", "Port de retour"),
                        LocalText.of("Leave 8719 unless another program uses it; the callback URL of your app must "
                                + "then say the same port: http://127.0.0.1:PORT/callback.",
                                "Laissez 8719 sauf si un autre programme l’utilise\u00a0; l’URL de retour de votre "
                                        + "application doit alors indiquer le même port\u00a0: "
                                        + "http://127.0.0.1:PORT/callback.")),
                new SettingSpec(TOKEN, SettingSpec.Type.PASSWORD, false, true, "", List.of(),
                        LocalText.of("Access token (instead of Connect)", "Jeton d’accès (au lieu de Connecter)"),
                        LocalText.of("Leave empty and click Connect. Or paste a user-context OAuth 2 token of your "
                                + "app, with the tweet.read, tweet.write and users.read scopes (it expires after "
                                + "two hours).",
                                "Laissez vide et cliquez sur Connecter. Ou collez un jeton OAuth 2 «\u00a0contexte "
                                        + "utilisateur\u00a0» de votre application, avec les autorisations "
                                        + "tweet.read, tweet.write et users.read (il expire au bout de deux heures).")),
                SettingSpec.optional(API, SettingSpec.Type.URL, "https://api.x.com",
                        LocalText.of("API address", "Adresse de l’API"),
                        LocalText.of("Leave https://api.x.com.", "Laissez https://api.x.com.")),
                SettingSpec.optional(AUTHORIZE, SettingSpec.Type.URL, "https://x.com/i/oauth2/authorize",
                        LocalText.of("Consent page address", "Adresse de la page d’autorisation"),
                        LocalText.of("Leave https://x.com/i/oauth2/authorize.",
                                "Laissez https://x.com/i/oauth2/authorize.")));
    }

    @Override
    public LocalText testConnection(ChannelSettings settings, PublishContext context) throws PublishException {
        String token = token(settings);
        JsonHttp http = new JsonHttp("X", timeout, context.clock(), token);
        JsonNode me = me(http, base(settings), token);
        return LocalText.fromBundle(PublishException.BUNDLE, "publish.x.connected", http.field(me, "username"));
    }

    /** The token Connect granted (refreshed by Cristal), else the one pasted the old way. */
    static String token(ChannelSettings settings) throws PublishException {
        Optional<String> granted = settings.get(OAuthConnect.ACCESS_TOKEN);
        return granted.isPresent() ? granted.get() : settings.require(TOKEN);
    }

    /**
     * Connect with the user's own app (X has no app shared by every user of a desktop program): OAuth 2.0
     * with PKCE; a confidential app authenticates with HTTP Basic, as X asks. The refresh token
     * ({@code offline.access}) keeps the account connected past the access token's two hours.
     */
    @Override
    public Optional<OAuthConnect> oauth() {
        return Optional.of(new OAuthConnect() {
            @Override
            public OAuthSpec spec(ChannelSettings settings) throws PublishException {
                String clientId = settings.get(CLIENT_ID).orElseThrow(() -> PublishException.permanent(
                        LocalText.fromBundle(PublishException.BUNDLE, "publish.x.noClientId")));
                int port = settings.getInt(PORT, DEFAULT_PORT);
                return new OAuthSpec(URI.create(settings.get(AUTHORIZE, "https://x.com/i/oauth2/authorize")),
                        URI.create(base(settings) + "/2/oauth2/token"), clientId,
                        settings.get(CLIENT_SECRET).orElse(null), SCOPES, Map.of(),
                        port > 0 && port < 65536 ? port : DEFAULT_PORT, true);
            }

            @Override
            public Connected connected(ChannelSettings settings, PublishContext context) throws PublishException {
                return Connected.as(testConnection(settings, context));
            }

            @Override
            public boolean worksWithoutConnect(ChannelSettings settings) {
                return settings.get(TOKEN).isPresent();
            }
        });
    }

    /** Likes, reposts, replies, quotes and impressions, where the account's API tier allows (see {@link XResults}). */
    @Override
    public Optional<org.cristal.publish.spi.ResultsReader> results() {
        return Optional.of(new XResults(timeout));
    }

    @Override
    public PublishResult publish(PublishRequest request, PublishContext context) throws PublishException {
        SocialThread thread = SocialThread.of(request, Network.X);
        String base = base(request.settings());
        String token = token(request.settings());
        JsonHttp http = new JsonHttp("X", timeout, context.clock(), token);
        Journal journal = context.journal();
        int n = thread.size();
        String previous = null;
        for (int i = 0; i < n; i++) {
            String key = "post:" + (i + 1);
            Optional<String> done = journal.get(key);
            if (done.isPresent()) {
                previous = done.get();
                continue;
            }
            context.checkCancelled();
            context.progress((double) i / n, SocialThread.progress(i + 1, n));
            String text = thread.posts().get(i);
            // Marks the post as possibly sent: only then may a "duplicate content" refusal be our own post.
            boolean sentBefore = journal.get("sending:" + (i + 1)).isPresent();
            journal.put("sending:" + (i + 1), "1");
            previous = post(http, base, token, text, previous, sentBefore);
            journal.put(key, previous);
        }
        context.progress(1, SocialThread.progress(n, n));
        String first = journal.get("post:1").orElse("");
        return new PublishResult(first, "https://x.com/i/web/status/" + first, context.clock().instant(), n);
    }

    private String post(JsonHttp http, String base, String token, String text, String replyTo,
            boolean sentBefore) throws PublishException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        if (replyTo != null) {
            body.put("reply", Map.of("in_reply_to_tweet_id", replyTo));
        }
        JsonHttp.Response r = http.exchange(http.request(URI.create(base + "/2/tweets"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsonHttp.write(body), StandardCharsets.UTF_8)));
        if (r.ok()) {
            return http.field(r.json(http).path("data"), "id");
        }
        if (r.status() == 403 && http.serviceText(r.body()).toLowerCase().contains(DUPLICATE)) {
            Optional<String> earlier = sentBefore ? findEarlier(http, base, token, text, replyTo)
                    : Optional.empty();
            if (earlier.isPresent()) {
                return earlier.get();
            }
            // A duplicate of an older post of the account: the user must change the text.
            throw PublishException.permanent(LocalText.fromBundle(PublishException.BUNDLE, "publish.x.duplicate"));
        }
        throw http.failure(r.status(), r.body(), r.header("Retry-After"));
    }

    /** The account's recent post with this text (links aside: X shortens them) replying to {@code replyTo}. */
    private Optional<String> findEarlier(JsonHttp http, String base, String token, String text, String replyTo)
            throws PublishException {
        String userId = http.field(me(http, base, token), "id");
        JsonNode tweets = http.get(URI.create(base + "/2/users/" + userId
                + "/tweets?max_results=20&tweet.fields=referenced_tweets"), token).path("data");
        for (JsonNode t : tweets) {
            if (!withoutLinks(t.path("text").asText()).equals(withoutLinks(text))) {
                continue;
            }
            String repliedTo = null;
            for (JsonNode ref : t.path("referenced_tweets")) {
                if ("replied_to".equals(ref.path("type").asText())) {
                    repliedTo = ref.path("id").asText();
                }
            }
            if (java.util.Objects.equals(repliedTo, replyTo)) {
                return Optional.of(http.field(t, "id"));
            }
        }
        return Optional.empty();
    }

    private static String withoutLinks(String text) {
        return text.replaceAll("https?://\\S+", "<link>").strip();
    }

    private static JsonNode me(JsonHttp http, String base, String token) throws PublishException {
        JsonNode data = http.get(URI.create(base + "/2/users/me"), token).path("data");
        if (!data.isObject()) {
            throw http.unexpected();
        }
        return data;
    }

    private static String base(ChannelSettings settings) {
        return JsonHttp.base(settings.get(API, "https://api.x.com"));
    }
}
