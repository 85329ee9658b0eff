package org.cristal.publish.google;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.cristal.publish.http.JsonHttp;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.Journal;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.OAuthConnect;
import org.cristal.publish.spi.PluginDescriptor;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.spi.SettingSpec;
import org.cristal.render.common.Pages;
import org.cristal.render.social.LocalPost;
import org.cristal.render.social.LocalPosts;
import org.cristal.story.Channel;
import org.cristal.story.Network;
import org.cristal.story.Story;
import org.cristal.story.Urls;
import org.cristal.story.Utm;

/**
 * Posts a story on a Google Business Profile — the posts shown on the shop's Google Maps and Search listing —
 * as a local post: "What's new", an offer or an event, with the button its call to action maps to (see
 * {@link LocalPosts}). Connected with the Connect button ({@link GoogleConnect}); the chosen listing is the
 * {@code location} setting.
 *
 * <p>Google takes no idempotency key. The plugin journals "about to send" with the time before the request
 * and the post's {@code name} after; a retry after a lost answer, and {@link #lookup}, look for the post
 * among the listing's local posts (same summary and type, created since that time) before sending again.
 *
 * <p>Google fetches a post's photo itself from a public address: the story's image goes with the post when
 * it is a web address, or when the account says where the user's website keeps its images
 * ({@code imageUrlBase}); otherwise the post goes without photo and the progress says so.
 */
public final class GoogleBusinessPlugin implements ChannelPlugin {
    static final String SERVICE = "Google Business Profile";
    static final String CLIENT_ID = "clientId";
    static final String CLIENT_SECRET = "clientSecret";
    static final String LOCATION = "location";
    static final String IMAGE_BASE = "imageUrlBase";
    /** One address for the three Google APIs and its sign-in instead of theirs (tests; a proxy). */
    static final String API = "api";
    static final String POSTS_API = "https://mybusiness.googleapis.com";
    static final String ACCOUNTS_API = "https://mybusinessaccountmanagement.googleapis.com";
    static final String INFO_API = "https://mybusinessbusinessinformation.googleapis.com";
    private static final Pattern LOCATION_NAME = Pattern.compile("accounts/[^/\\s]+/locations/[^/\\s]+");
    /** How far a post's createTime may be before the time journalled (clocks differ). */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(10);

    private final Duration timeout;

    public GoogleBusinessPlugin() {
        this(JsonHttp.REQUEST_TIMEOUT);
    }

    /** With another timeout (tests). */
    public GoogleBusinessPlugin(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("google-business", LocalText.of(SERVICE), Set.of(Channel.SOCIAL))
            .description(LocalText.of("Posts the story on your Google Business Profile (Maps and Search): "
                    + "what’s new, an offer or an event, with its button.",
                    "Publie l’histoire sur votre fiche d’établissement Google (Maps et Recherche)\u00a0: nouveauté, "
                            + "offre ou événement, avec son bouton."))
            .icon("fth-map-pin")
            .network(Network.GOOGLE);
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.required(CLIENT_ID, SettingSpec.Type.TEXT,
                        LocalText.of("OAuth client ID", "Identifiant client OAuth"),
                        LocalText.of("Once: on console.cloud.google.com create a project, enable the Business "
                                + "Profile APIs (Google grants access to them on request: ask with its form "
                                + "first), set up the OAuth consent screen, then Credentials › Create OAuth "
                                + "client ID of type “Desktop app”, and copy its ID here.",
                                "Une seule fois\u00a0: sur console.cloud.google.com, créez un projet, activez les API "
                                        + "Business Profile (Google en donne l’accès sur demande\u00a0: faites-la "
                                        + "d’abord avec son formulaire), configurez l’écran de consentement OAuth, "
                                        + "puis Identifiants › Créer un ID client OAuth de type «\u00a0Application de "
                                        + "bureau\u00a0», et copiez son identifiant ici.")),
                new SettingSpec(CLIENT_SECRET, SettingSpec.Type.PASSWORD, true, true, "", List.of(),
                        LocalText.of("OAuth client secret", "Code secret du client OAuth"),
                        LocalText.of("Shown next to the client ID in the Google Cloud console.",
                                "Affiché à côté de l’identifiant client dans la console Google Cloud.")),
                SettingSpec.optional(LOCATION, SettingSpec.Type.TEXT, "",
                        LocalText.of("Business", "Établissement"),
                        LocalText.of("Filled by Connect: the listing the posts go to.",
                                "Rempli par Connecter\u00a0: la fiche sur laquelle les posts paraissent.")),
                SettingSpec.optional(IMAGE_BASE, SettingSpec.Type.URL, "",
                        LocalText.of("Address of your images online", "Adresse de vos images en ligne"),
                        LocalText.of("Optional. Google fetches a post’s photo from the web: give the address of "
                                + "the folder of your website where the story images are (https://…/images). "
                                + "Without it, posts go without photo.",
                                "Facultatif. Google va chercher la photo d’un post sur le web\u00a0: donnez l’adresse "
                                        + "du dossier de votre site où sont les images des histoires "
                                        + "(https://…/images). Sans elle, les posts partent sans photo.")),
                SettingSpec.optional(API, SettingSpec.Type.URL, "",
                        LocalText.of("API address", "Adresse de l’API"),
                        LocalText.of("Leave empty.", "Laissez vide.")));
    }

    @Override
    public Optional<OAuthConnect> oauth() {
        return Optional.of(new GoogleConnect(timeout));
    }

    @Override
    public LocalText testConnection(ChannelSettings settings, PublishContext context) throws PublishException {
        String token = token(settings);
        JsonHttp http = http(settings, context, token);
        String location = location(settings);
        String id = location.substring(location.indexOf("/locations/") + 1);
        JsonNode place = get(http, token, URI.create(base(settings, INFO_API) + "/v1/" + id
                + "?readMask=name,title"));
        String title = place.path("title").asText(id);
        return GoogleErrors.text(settings.get(IMAGE_BASE).isPresent() ? "publish.google.connected"
                : "publish.google.connectedNoPhoto", title);
    }

    @Override
    public PublishResult publish(PublishRequest request, PublishContext context) throws PublishException {
        ChannelSettings settings = request.settings();
        String token = token(settings);
        String location = location(settings);
        LocalPost post = publishable(request);
        Journal journal = context.journal();
        Optional<String> done = journal.get("post");
        if (done.isPresent()) {
            return new PublishResult(done.get(), journal.get("url").orElse(""), context.clock().instant(), 1);
        }
        context.checkCancelled();
        JsonHttp http = http(settings, context, token);
        if (journal.get("sending").isPresent()) {
            // The answer to an earlier attempt was lost: Google may have the post already.
            Optional<PublishResult> found = find(http, settings, token, location, post, since(request, journal));
            if (found.isPresent()) {
                remember(journal, found.get());
                return found.get();
            }
        }
        Optional<String> photo = photoUrl(request.story().story(), settings);
        context.progress(0, GoogleErrors.text(photo.isPresent() ? "publish.google.posting"
                : "publish.google.postingNoPhoto"));
        journal.put("sending", context.clock().instant().toString());
        String language = request.story().story().lang().strip();
        JsonHttp.Response r = http.exchange(http.request(URI.create(base(settings, POSTS_API) + "/v4/" + location
                + "/localPosts")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(JsonHttp.body(LocalPostBody.of(post, language, photo))));
        if (!r.ok()) {
            throw GoogleErrors.failure(http, r);
        }
        JsonNode answer = r.json(http);
        String name = http.field(answer, "name");
        if ("REJECTED".equals(answer.path("state").asText())) {
            throw PublishException.permanent(GoogleErrors.text("publish.google.rejected"));
        }
        PublishResult result = new PublishResult(name, answer.path("searchUrl").asText(""),
                created(answer, context.clock().instant()), 1);
        remember(journal, result);
        context.progress(1, GoogleErrors.text(photo.isPresent() ? "publish.google.posted"
                : "publish.google.postedNoPhoto"));
        return result;
    }

    @Override
    public Optional<PublishResult> lookup(PublishRequest request, PublishContext context) throws PublishException {
        ChannelSettings settings = request.settings();
        String token = token(settings);
        LocalPost post = publishable(request);
        Optional<PublishResult> found = find(http(settings, context, token), settings, token, location(settings),
                post, since(request, context.journal()));
        if (found.isPresent()) {
            remember(context.journal(), found.get());
        }
        return found;
    }

    /** The listing's post with this summary and type created since {@code since}, not rejected. */
    private Optional<PublishResult> find(JsonHttp http, ChannelSettings settings, String token, String location,
            LocalPost post, Instant since) throws PublishException {
        JsonNode list = get(http, token, URI.create(base(settings, POSTS_API) + "/v4/" + location
                + "/localPosts?pageSize=100"));
        for (JsonNode p : list.path("localPosts")) {
            Instant created = created(p, Instant.EPOCH);
            if (p.path("summary").asText("").strip().equals(post.summary().strip())
                    && p.path("topicType").asText(post.topic().name()).equals(post.topic().name())
                    && !"REJECTED".equals(p.path("state").asText()) && !created.isBefore(since)
                    && p.hasNonNull("name")) {
                return Optional.of(new PublishResult(p.path("name").asText(), p.path("searchUrl").asText(""),
                        created, 1));
            }
        }
        return Optional.empty();
    }

    /** The local post, or a clear refusal of what Google would refuse anyway. */
    private static LocalPost publishable(PublishRequest request) throws PublishException {
        LocalPost post = tagged(LocalPosts.of(request.story(), request.renditions().social().body()), request);
        if (post.summary().isBlank()) {
            throw PublishException.permanent(GoogleErrors.text("publish.social.nothingToPost"));
        }
        if (post.topic() != LocalPost.Topic.STANDARD && (post.title().isBlank() || post.start().isEmpty()
                || post.end().isEmpty() || post.end().get().isBefore(post.start().get()))) {
            throw PublishException.permanent(GoogleErrors.text("publish.google.incomplete",
                    post.topic() == LocalPost.Topic.EVENT ? 1 : 2));
        }
        return post;
    }

    /**
     * The button's link tagged like the other networks' links ({@code utm_source=google&utm_medium=social}) when
     * the brand kit asks for UTM, so the listing's visits show in the results with the others.
     */
    private static LocalPost tagged(LocalPost post, PublishRequest request) {
        String url = post.actionUrl();
        if (request.brand().utm().isEmpty() || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return post;
        }
        String link = Utm.of(Network.GOOGLE.id(), "social", Pages.slug(request.story().story())).tag(url);
        return new LocalPost(post.topic(), post.summary(), post.title(), post.start(), post.end(), post.coupon(),
                post.terms(), post.action(), link);
    }

    private static Instant since(PublishRequest request, Journal journal) {
        Instant from = request.scheduledAt();
        Optional<String> sending = journal.get("sending");
        if (sending.isPresent()) {
            try {
                from = Instant.parse(sending.get());
            } catch (DateTimeParseException e) {
                // An unreadable mark: the scheduled time is the earliest the post can have been sent.
            }
        }
        return from.minus(CLOCK_SLACK);
    }

    private static void remember(Journal journal, PublishResult result) {
        journal.put("post", result.remoteId());
        journal.put("url", result.url());
    }

    private static Instant created(JsonNode post, Instant fallback) {
        try {
            return Instant.parse(post.path("createTime").asText(""));
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    /** Where Google can fetch the story's image, if anywhere. */
    static Optional<String> photoUrl(Story story, ChannelSettings settings) {
        String ref = story.image().strip();
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        if (Urls.isRemote(ref)) {
            return ref.regionMatches(true, 0, "https://", 0, 8) || ref.regionMatches(true, 0, "http://", 0, 7)
                    ? Optional.of(ref) : Optional.empty();
        }
        Optional<String> base = settings.get(IMAGE_BASE);
        if (base.isEmpty()) {
            return Optional.empty();
        }
        String file = ref.substring(Math.max(ref.lastIndexOf('/'), ref.lastIndexOf('\\')) + 1);
        return Optional.of(JsonHttp.base(base.get()) + "/"
                + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    static JsonNode get(JsonHttp http, String token, URI uri) throws PublishException {
        JsonHttp.Response r = http.exchange(http.request(uri).header("Authorization", "Bearer " + token).GET());
        if (!r.ok()) {
            throw GoogleErrors.failure(http, r);
        }
        return r.json(http);
    }

    static String token(ChannelSettings settings) throws PublishException {
        Optional<String> token = settings.get(OAuthConnect.ACCESS_TOKEN);
        if (token.isEmpty()) {
            throw PublishException.auth(GoogleErrors.text("publish.google.notConnected"));
        }
        return token.get();
    }

    private static String location(ChannelSettings settings) throws PublishException {
        String location = settings.get(LOCATION, "");
        if (!LOCATION_NAME.matcher(location).matches()) {
            throw PublishException.permanent(GoogleErrors.text("publish.google.noLocation"));
        }
        return location;
    }

    JsonHttp http(ChannelSettings settings, PublishContext context, String token) {
        return new JsonHttp(SERVICE, timeout, context.clock(), token, settings.get(CLIENT_SECRET, ""));
    }

    /** The address of one of Google's APIs, or the one {@code api} setting for all. */
    static String base(ChannelSettings settings, String google) {
        return JsonHttp.base(settings.get(API, google));
    }
}
