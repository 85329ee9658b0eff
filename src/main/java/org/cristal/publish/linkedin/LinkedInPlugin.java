package org.cristal.publish.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cristal.publish.http.JsonHttp;
import org.cristal.publish.social.SocialThread;
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
import org.cristal.story.Asset;
import org.cristal.story.Channel;
import org.cristal.story.Network;

/**
 * Posts a story's LinkedIn rendition (one post) as a member or as an organisation page the member
 * administers, with the Posts API. With a link, the post carries it as an article, whose card shows the
 * story's title, summary and image: LinkedIn does not unfurl a link given through the API, and that card is
 * what gets the click. Without a link, the story's image goes as a picture with its alt text.
 *
 * <p>LinkedIn takes no idempotency key. The uploaded image's URN is journalled before the post, and the
 * time of sending before the POST; a retry after a lost answer first looks for the post among the
 * author's latest ones (same words, created since), so it is never posted twice.
 */
public final class LinkedInPlugin implements ChannelPlugin {
    static final String CLIENT_ID = "clientId";
    static final String CLIENT_SECRET = "clientSecret";
    static final String POST_AS = "postAs";
    static final String AUTHOR = "author";
    static final String PORT = "port";
    static final String API = "api";
    static final String AUTH = "auth";
    static final String VERSION = "version";
    static final String DEFAULT_API = "https://api.linkedin.com";
    static final String DEFAULT_AUTH = "https://www.linkedin.com";
    /** LinkedIn retires a version a year after it comes out; a Cristal update brings a newer one. */
    static final String DEFAULT_VERSION = "202605";
    /** LinkedIn matches a redirect URL exactly, port included: the one the user adds to the app, once. */
    static final int DEFAULT_PORT = 47163;
    /** LinkedIn's Images API limit (36,152,320 pixels) and the types it takes. */
    private static final long MAX_PIXELS = 36_152_320L;
    private static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif");
    /** How far LinkedIn's clock may be from ours when a post's creation time is compared with our sending. */
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final Duration timeout;

    public LinkedInPlugin() {
        this(JsonHttp.REQUEST_TIMEOUT);
    }

    /** With another timeout (tests). */
    public LinkedInPlugin(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("linkedin", LocalText.of("LinkedIn"), Set.of(Channel.SOCIAL))
            .description(LocalText.of("Posts the story to your LinkedIn profile or your company page, with its link "
                    + "and image.", "Publie l’histoire sur votre profil LinkedIn ou la page de votre entreprise, "
                    + "avec son lien et son image."))
            .icon("fth-linkedin")
            .network(Network.LINKEDIN);
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.required(CLIENT_ID, SettingSpec.Type.TEXT,
                        LocalText.of("App client ID", "Identifiant client de l’application"),
                        LocalText.of("Once: on linkedin.com/developers, Create app and associate your company page; "
                                + "in Products add “Share on LinkedIn” and “Sign In with LinkedIn using OpenID "
                                + "Connect” (and “Community Management API” to post as the page); in the Auth tab "
                                + "add the redirect URL http://127.0.0.1:" + DEFAULT_PORT + "/callback, then copy "
                                + "the Client ID here.",
                                "Une seule fois : sur linkedin.com/developers, « Create app » et associez la page "
                                        + "de votre entreprise ; dans « Products », ajoutez « Share on LinkedIn » et "
                                        + "« Sign In with LinkedIn using OpenID Connect » (et « Community Management "
                                        + "API » pour publier au nom de la page) ; dans l’onglet « Auth », ajoutez "
                                        + "l’URL de redirection http://127.0.0.1:" + DEFAULT_PORT + "/callback, puis "
                                        + "copiez ici le « Client ID ».")),
                SettingSpec.secret(CLIENT_SECRET, LocalText.of("App client secret", "Secret client de l’application"),
                        LocalText.of("The “Primary Client Secret” in the same Auth tab.",
                                "Le « Primary Client Secret » du même onglet « Auth ».")),
                new SettingSpec(POST_AS, SettingSpec.Type.CHOICE, false, false, "me", List.of("me", "page"),
                        LocalText.of("Post as", "Publier en tant que"),
                        LocalText.of("me: your own profile; page: a company page you administer (needs the "
                                + "Community Management API product, which LinkedIn reviews first).",
                                "me : votre propre profil ; page : une page d’entreprise dont vous êtes "
                                        + "administrateur (demande le produit « Community Management API », que "
                                        + "LinkedIn examine d’abord).")),
                new SettingSpec(AUTHOR, SettingSpec.Type.TEXT, false, false, "", List.of(),
                        LocalText.of("Posts as", "Publie au nom de"),
                        LocalText.of("Filled by Connect: your profile or the page you chose.",
                                "Rempli par « Connecter » : votre profil ou la page choisie.")),
                SettingSpec.optional(PORT, SettingSpec.Type.INTEGER, String.valueOf(DEFAULT_PORT),
                        LocalText.of("Redirect port", "Port de redirection"),
                        LocalText.of("LinkedIn wants the exact redirect URL: change it only if another program uses "
                                + "this port, and change the URL in the app’s Auth tab the same way.",
                                "LinkedIn veut l’URL de redirection exacte : ne le changez que si un autre "
                                        + "programme utilise ce port, et changez l’URL de l’onglet « Auth » de "
                                        + "l’application de la même façon.")),
                SettingSpec.optional(API, SettingSpec.Type.URL, DEFAULT_API,
                        LocalText.of("API address", "Adresse de l’API"),
                        LocalText.of("Leave " + DEFAULT_API + ".", "Laissez " + DEFAULT_API + ".")),
                SettingSpec.optional(AUTH, SettingSpec.Type.URL, DEFAULT_AUTH,
                        LocalText.of("Sign-in address", "Adresse de connexion"),
                        LocalText.of("Leave " + DEFAULT_AUTH + ".", "Laissez " + DEFAULT_AUTH + ".")),
                SettingSpec.optional(VERSION, SettingSpec.Type.TEXT, DEFAULT_VERSION,
                        LocalText.of("API version", "Version de l’API"),
                        LocalText.of("Change only if LinkedIn says this version is no longer supported (YYYYMM).",
                                "À changer seulement si LinkedIn dit que cette version n’est plus prise en "
                                        + "charge (AAAAMM).")));
        // No access-token field: Connect keeps the grant and Cristal hands it over as OAuthConnect.ACCESS_TOKEN.
    }

    @Override
    public Optional<OAuthConnect> oauth() {
        return Optional.of(new LinkedInConnect(timeout));
    }

    /** Reactions and comments of what it posted, where LinkedIn lets an app read them (see {@link LinkedInResults}). */
    @Override
    public Optional<org.cristal.publish.spi.ResultsReader> results() {
        return Optional.of(new LinkedInResults(timeout));
    }

    static boolean postsAsPage(ChannelSettings settings) {
        return "page".equals(settings.get(POST_AS, "me")) || settings.get(AUTHOR, "").startsWith(Urns.ORGANIZATION);
    }

    @Override
    public LocalText testConnection(ChannelSettings settings, PublishContext context) throws PublishException {
        LinkedInApi api = new LinkedInApi(settings, timeout, context.clock());
        JsonNode me = api.userinfo();
        String name = me.path("name").asText(api.http().field(me, "sub"));
        String author = settings.get(AUTHOR, "");
        if (author.startsWith(Urns.ORGANIZATION)) {
            String page = LinkedInConnect.organizationName(api, author);
            return LinkedInApi.text("publish.linkedin.connectedPage", name, page);
        }
        return LinkedInApi.text("publish.linkedin.connected", name);
    }

    @Override
    public PublishResult publish(PublishRequest request, PublishContext context) throws PublishException {
        SocialThread thread = SocialThread.of(request, Network.LINKEDIN);
        String commentary = commentary(thread);
        context.checkCancelled();
        Journal journal = context.journal();
        Optional<String> done = journal.get("post");
        if (done.isPresent()) {
            return result(done.get(), context);
        }
        LinkedInApi api = new LinkedInApi(request.settings(), timeout, context.clock());
        String author = author(api, request.settings(), journal);
        if (journal.get("sending").isPresent()) {
            // An earlier attempt may have posted and lost the answer: look before posting again.
            Optional<String> found = find(api, author, commentary, journal);
            if (found.isPresent()) {
                journal.put("post", found.get());
                return result(found.get(), context);
            }
        }
        context.progress(0, SocialThread.progress(1, 1));
        Optional<String> link = LittleText.lastLink(thread.posts().get(0));
        Optional<String> image = thread.image().isPresent() ? Optional.of(image(api, author, thread, journal, context))
                : Optional.empty();
        context.checkCancelled();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("author", author);
        body.put("commentary", commentary);
        body.put("visibility", "PUBLIC");
        body.put("distribution", Map.of("feedDistribution", "MAIN_FEED", "targetEntities", List.of(),
                "thirdPartyDistributionChannels", List.of()));
        if (link.isPresent()) {
            Map<String, Object> article = new LinkedHashMap<>();
            article.put("source", link.get());
            article.put("title", request.story().story().title().strip());
            if (!request.story().description().isBlank()) {
                article.put("description", request.story().description().strip());
            }
            image.ifPresent(urn -> article.put("thumbnail", urn));
            body.put("content", Map.of("article", article));
        } else if (image.isPresent()) {
            Map<String, Object> media = new LinkedHashMap<>();
            media.put("id", image.get());
            if (!thread.alt().isEmpty()) {
                media.put("altText", thread.alt());
            }
            body.put("content", Map.of("media", media));
        }
        body.put("lifecycleState", "PUBLISHED");
        body.put("isReshareDisabledByAuthor", false);
        // From here the post may exist whatever happens to the answer: a retry looks for it first.
        journal.put("sending", String.valueOf(context.clock().millis()));
        JsonHttp.Response r = api.post("/rest/posts", body);
        String urn = r.header("x-restli-id");
        if (urn == null || urn.isBlank()) {
            throw api.http().unexpected();
        }
        journal.put("post", urn.strip());
        context.progress(1, SocialThread.progress(1, 1));
        return result(urn.strip(), context);
    }

    /**
     * Whether the post went out after an answer was lost. Certain it did not when no attempt got as far as
     * sending; otherwise the author's latest posts are read. LinkedIn lets an app read a member's posts only
     * with a permission it gives few apps, so for a profile that cannot be read the entry stops with a
     * sentence asking the user to look on LinkedIn, rather than risk a second post.
     */
    @Override
    public Optional<PublishResult> lookup(PublishRequest request, PublishContext context) throws PublishException {
        Journal journal = context.journal();
        Optional<String> done = journal.get("post");
        if (done.isPresent()) {
            return Optional.of(result(done.get(), context));
        }
        if (journal.get("sending").isEmpty()) {
            return Optional.empty();
        }
        String commentary = commentary(SocialThread.of(request, Network.LINKEDIN));
        LinkedInApi api = new LinkedInApi(request.settings(), timeout, context.clock());
        Optional<String> found = find(api, author(api, request.settings(), journal), commentary, journal);
        found.ifPresent(urn -> journal.put("post", urn));
        return found.map(urn -> result(urn, context));
    }

    private static String commentary(SocialThread thread) throws PublishException {
        if (thread.size() > 1) {
            // The renderer cut it into a thread: LinkedIn has no threads, and half a post is not what was written.
            throw PublishException.permanent(LinkedInApi.text("publish.linkedin.tooLong",
                    Network.LINKEDIN.defaultLimit()));
        }
        return LittleText.of(thread.posts().get(0));
    }

    /** The post's author: the URN Connect stored, else the member the token belongs to. */
    private static String author(LinkedInApi api, ChannelSettings settings, Journal journal) throws PublishException {
        Optional<String> set = settings.get(AUTHOR);
        if (set.isPresent()) {
            if (!Urns.isAuthor(set.get())) {
                throw PublishException.permanent(LinkedInApi.text("publish.linkedin.badAuthor", set.get()));
            }
            return set.get();
        }
        Optional<String> known = journal.get("author");
        if (known.isPresent()) {
            return known.get();
        }
        String urn = Urns.PERSON + api.http().field(api.userinfo(), "sub");
        journal.put("author", urn);
        return urn;
    }

    private Optional<String> find(LinkedInApi api, String author, String commentary, Journal journal)
            throws PublishException {
        Instant since = Instant.ofEpochMilli(Long.parseLong(journal.get("sending").orElse("0"))).minus(SKEW);
        JsonHttp.Response read = api.readPosts(author);
        if (read.status() == 403) {
            throw PublishException.permanent(LinkedInApi.text("publish.linkedin.cannotCheck"));
        }
        JsonNode posts = read.json(api.http());
        String expected = plain(LittleText.plain(commentary));
        for (JsonNode p : posts.path("elements")) {
            long created = p.path("createdAt").asLong(p.path("publishedAt").asLong(0));
            if (created < since.toEpochMilli() || !author.equals(p.path("author").asText())) {
                continue;
            }
            if (plain(LittleText.plain(p.path("commentary").asText(""))).equals(expected)) {
                return Optional.of(api.http().field(p, "id"));
            }
        }
        return Optional.empty();
    }

    /** Whitespace aside: LinkedIn may trim the ends of a commentary. */
    private static String plain(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /**
     * Uploads the story's image once: its URN is journalled as soon as the bytes are in, so a retry reuses
     * it. An image LinkedIn cannot take is refused here with a sentence, before anything is posted.
     */
    private String image(LinkedInApi api, String author, SocialThread thread, Journal journal, PublishContext context)
            throws PublishException {
        Optional<String> uploaded = journal.get("image");
        if (uploaded.isPresent()) {
            return uploaded.get();
        }
        Asset image = thread.image().orElseThrow();
        String name = image.fileName();
        if (!IMAGE_TYPES.contains(image.mediaType())) {
            throw PublishException.permanent(LinkedInApi.text("publish.linkedin.imageType", name));
        }
        if ((long) image.width() * image.height() > MAX_PIXELS) {
            throw PublishException.permanent(LinkedInApi.text("publish.linkedin.imageTooLarge", name,
                    image.width(), image.height()));
        }
        context.checkCancelled();
        JsonNode init = api.sendImage(api.rest("/rest/images?action=initializeUpload")
                .header("Content-Type", "application/json")
                .POST(JsonHttp.body(Map.of("initializeUploadRequest", Map.of("owner", author)))), name)
                .json(api.http()).path("value");
        String urn = api.http().field(init, "image");
        URI target = URI.create(api.http().field(init, "uploadUrl"));
        HttpRequest.Builder put = api.http().request(target).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(image.bytes()));
        if (api.mayCarryToken(target)) {
            put.header("Authorization", "Bearer " + api.token());
        }
        api.sendImage(put, name);
        journal.put("image", urn);
        return urn;
    }

    private static PublishResult result(String urn, PublishContext context) {
        return new PublishResult(urn, "https://www.linkedin.com/feed/update/" + urn + "/", context.clock().instant(),
                1);
    }
}
