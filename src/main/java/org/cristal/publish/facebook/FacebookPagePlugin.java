package org.cristal.publish.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cristal.publish.http.Graph;
import org.cristal.publish.http.GraphLogin;
import org.cristal.publish.http.JsonHttp;
import org.cristal.publish.http.Multipart;
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
import org.cristal.story.Asset;
import org.cristal.story.Channel;
import org.cristal.story.Network;

/**
 * Posts a story's Facebook rendition on a Facebook Page with the Graph API: the hero image as a photo post
 * with the text as its caption, or, without an image, the text with the story's link as a link post (Facebook
 * draws the link's preview card). Connected with Facebook Login and the user's own Meta app; posts with the
 * Page's token.
 *
 * <p>The Graph API takes no idempotency key: the post's id is journalled as soon as Facebook gives it, and
 * after a lost answer {@link #lookup} finds the post among the Page's latest by its text and time, so a retry
 * never posts twice.
 */
public final class FacebookPagePlugin implements ChannelPlugin {
    static final String PAGE = "page";
    static final String SCOPE = "pages_show_list,pages_read_engagement,pages_manage_posts";
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private final Duration timeout;

    public FacebookPagePlugin() {
        this(JsonHttp.REQUEST_TIMEOUT);
    }

    /** With another timeout (tests). */
    public FacebookPagePlugin(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("facebook-page", LocalText.of("Facebook Page", "Page Facebook"),
                Set.of(Channel.SOCIAL))
            .description(LocalText.of("Posts the story on a Facebook Page: its picture with the text, or the text "
                    + "with the link’s preview.", "Publie l’histoire sur une Page Facebook : son image avec le texte, "
                    + "ou le texte avec l’aperçu du lien."))
            .icon("fth-facebook")
            .network(Network.FACEBOOK);
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.required(GraphLogin.APP_ID, SettingSpec.Type.TEXT, LocalText.of("Meta app ID",
                        "ID de l’app Meta"), LocalText.of("Once: on developers.facebook.com › My Apps › Create app "
                        + "(type Business), add Facebook Login with the permissions pages_show_list, "
                        + "pages_read_engagement and pages_manage_posts, enter " + GraphLogin.REDIRECT_URI
                        + " as a valid OAuth redirect URI, then copy the App ID shown at the top.",
                        "Une fois : sur developers.facebook.com › Mes apps › Créer une app (type Entreprise), "
                                + "ajoutez Facebook Login avec les autorisations pages_show_list, "
                                + "pages_read_engagement et pages_manage_posts, indiquez "
                                + GraphLogin.REDIRECT_URI + " comme URI de redirection OAuth valide, puis copiez "
                                + "l’ID de l’app affiché en haut.")),
                SettingSpec.secret(GraphLogin.APP_SECRET, LocalText.of("Meta app secret", "Clé secrète de l’app Meta"),
                        LocalText.of("App settings › Basic › App secret. Cristal needs it to turn Facebook’s "
                                + "one-hour access into one that lasts, so posts keep going out without reconnecting.",
                                "Paramètres de l’app › Général › Clé secrète. Cristal en a besoin pour changer "
                                        + "l’accès d’une heure donné par Facebook en un accès durable, pour que les "
                                        + "publications partent sans reconnexion.")),
                SettingSpec.optional(PAGE, SettingSpec.Type.TEXT, "", LocalText.of("Page", "Page"),
                        LocalText.of("Filled by Connect: the Page you chose.",
                                "Rempli par Connecter : la Page choisie.")),
                new SettingSpec(GraphLogin.PAGE_TOKEN, SettingSpec.Type.PASSWORD, false, true, "", List.of(),
                        LocalText.of("Page token", "Jeton de la Page"),
                        LocalText.of("Filled by Connect.", "Rempli par Connecter.")),
                SettingSpec.optional("api", SettingSpec.Type.URL, Graph.DEFAULT_API,
                        LocalText.of("API address", "Adresse de l’API"),
                        LocalText.of("Leave " + Graph.DEFAULT_API + ".", "Laissez " + Graph.DEFAULT_API + ".")));
    }

    @Override
    public Optional<OAuthConnect> oauth() {
        return Optional.of(new OAuthConnect() {
            @Override
            public java.util.Set<String> filledByConnect() {
                return java.util.Set.of(PAGE, GraphLogin.PAGE_TOKEN);
            }

            @Override
            public OAuthSpec spec(ChannelSettings settings) throws PublishException {
                return GraphLogin.spec(settings, SCOPE);
            }

            @Override
            public Connected connected(ChannelSettings settings, PublishContext context) throws PublishException {
                GraphLogin.Reached reached = GraphLogin.reach("Facebook", settings, context, "", timeout);
                List<Connected.Target> targets = new ArrayList<>();
                for (JsonNode page : reached.pages()) {
                    if (GraphLogin.canPost(page) && page.path("access_token").isTextual()) {
                        targets.add(new Connected.Target(page.path("id").asText(), page.path("name").asText(),
                                Map.of(GraphLogin.PAGE_TOKEN, page.path("access_token").asText())));
                    }
                }
                if (targets.isEmpty()) {
                    throw PublishException.permanent(text("publish.facebook.noPage"));
                }
                return new Connected(text("publish.meta.who", reached.user(), "Facebook"), PAGE, targets,
                        reached.token(), reached.grantExpiry());
            }
        });
    }

    /** Likes and comments of what it posted (see {@link FacebookResults}). */
    @Override
    public Optional<org.cristal.publish.spi.ResultsReader> results() {
        return Optional.of(new FacebookResults(timeout));
    }

    @Override
    public LocalText testConnection(ChannelSettings settings, PublishContext context) throws PublishException {
        String page = page(settings);
        String token = pageToken(settings, page, context);
        JsonNode p = graph(settings, context, token).get(page + "?fields=id,name", token);
        return text("publish.facebook.connected", p.path("name").asText(page));
    }

    @Override
    public PublishResult publish(PublishRequest request, PublishContext context) throws PublishException {
        context.checkCancelled();
        ChannelSettings settings = request.settings();
        SocialThread thread = SocialThread.of(request, Network.FACEBOOK);
        Journal journal = context.journal();
        Optional<String> done = journal.get("post");
        if (done.isPresent()) {
            return result(done.get(), journal, context);
        }
        String page = page(settings);
        String token = pageToken(settings, page, context);
        Graph graph = graph(settings, context, token);
        String text = text(thread);
        context.progress(0, SocialThread.progress(1, 1));
        String id;
        if (thread.image().isPresent()) {
            Asset image = thread.image().get();
            Multipart form = new Multipart().file("source", image.fileName(), image.mediaType(), image.bytes())
                    .field("caption", text);
            if (!thread.alt().isEmpty()) {
                form.field("alt_text_custom", thread.alt());
            }
            JsonNode photo = graph.post(page + "/photos", token, form);
            // The photo's post on the Page's feed, which the feed and its permalink know it by.
            id = photo.path("post_id").isTextual() ? photo.path("post_id").asText() : graph.field(photo, "id");
        } else {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("message", text);
            link(text).ifPresent(l -> form.put("link", l));
            id = graph.field(graph.post(page + "/feed", token, form), "id");
        }
        journal.put("post", id);
        try {
            journal.put("url", graph.get(id + "?fields=permalink_url", token).path("permalink_url").asText(""));
        } catch (PublishException e) {
            // The post is up; a missing permalink only means the result shows the generic address.
        }
        context.progress(1, SocialThread.progress(1, 1));
        return result(id, journal, context);
    }

    /**
     * Finds the post among the Page's latest by its text (whitespace aside) and a time no older than the
     * publication's, when an attempt's answer was lost.
     */
    @Override
    public Optional<PublishResult> lookup(PublishRequest request, PublishContext context) throws PublishException {
        Journal journal = context.journal();
        if (journal.get("post").isPresent()) {
            return Optional.of(result(journal.get("post").get(), journal, context));
        }
        ChannelSettings settings = request.settings();
        String text = plain(text(SocialThread.of(request, Network.FACEBOOK)));
        String page = page(settings);
        String token = pageToken(settings, page, context);
        JsonNode feed = graph(settings, context, token).get(page
                + "/feed?limit=25&fields=id,message,created_time,permalink_url", token).path("data");
        Instant since = request.scheduledAt().minus(Duration.ofMinutes(5));
        for (JsonNode post : feed) {
            Instant created = Graph.time(post.path("created_time").asText(""));
            if (created != null && !created.isBefore(since) && plain(post.path("message").asText("")).equals(text)) {
                journal.put("post", post.path("id").asText());
                journal.put("url", post.path("permalink_url").asText(""));
                return Optional.of(result(post.path("id").asText(), journal, context));
            }
        }
        return Optional.empty();
    }

    /** One post: Facebook's 63,206 characters never split a story, but a thread would be joined, not cut. */
    private static String text(SocialThread thread) {
        return String.join("\n\n", thread.posts());
    }

    /** The story's link: the last address in the text (the renderer puts it after the words, tags after it). */
    private static Optional<String> link(String text) {
        Matcher m = URL.matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        return Optional.ofNullable(last);
    }

    private static PublishResult result(String id, Journal journal, PublishContext context) {
        String url = journal.get("url").filter(u -> !u.isBlank()).orElse("https://www.facebook.com/" + id);
        return new PublishResult(id, url, context.clock().instant(), 1);
    }

    private static String page(ChannelSettings settings) throws PublishException {
        return settings.get(PAGE).orElseThrow(() -> PublishException.permanent(
                text("publish.meta.notConnected", "Facebook")));
    }

    /** The Page's token from Connect, else read with the user's token (an account connected before a choice). */
    private String pageToken(ChannelSettings settings, String page, PublishContext context) throws PublishException {
        Optional<String> token = settings.get(GraphLogin.PAGE_TOKEN);
        if (token.isPresent()) {
            return token.get();
        }
        String user = settings.get(OAuthConnect.ACCESS_TOKEN).orElseThrow(() -> PublishException.permanent(
                text("publish.meta.notConnected", "Facebook")));
        JsonNode p = graph(settings, context, user).get(page + "?fields=access_token", user);
        return graph(settings, context, user).field(p, "access_token");
    }

    private Graph graph(ChannelSettings settings, PublishContext context, String token) {
        return new Graph("Facebook", Graph.api(settings), timeout, context.clock(), token,
                settings.get(GraphLogin.APP_SECRET).orElse(null), settings.get(OAuthConnect.ACCESS_TOKEN).orElse(null));
    }

    private static String plain(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static LocalText text(String key, Object... args) {
        return LocalText.fromBundle(PublishException.BUNDLE, key, args);
    }
}
