package org.cristal.publish.instagram;

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
 * Posts a story's Instagram caption with its hero image on an Instagram professional account, with the
 * Graph API's content publishing: a media container is made from an image address Instagram fetches itself,
 * waited for until Instagram has processed it, then published. The address is either the image uploaded to
 * the linked Facebook Page as an unpublished photo (Meta's own servers: always reachable), or the image on
 * the user's website.
 *
 * <p>Every step's id (photo, container, media) is journalled as soon as Meta gives it, so a retry resumes
 * instead of starting again; after a lost answer to the publish itself, {@link #lookup} finds the media among
 * the account's latest by its caption and time. A story with more pictures than its hero (images in its
 * body) becomes a carousel: one item container per picture, each journalled and waited for, then the
 * carousel container with the caption (see {@link Pictures}).
 */
public final class InstagramPlugin implements ChannelPlugin {
    static final String ACCOUNT = "account";
    static final String IMAGE_HOST = "imageHost";
    static final String SITE_URL = "siteUrl";
    static final String SCOPE = "pages_show_list,pages_read_engagement,pages_manage_posts,instagram_basic,"
            + "instagram_content_publish,business_management";
    private static final Pattern SUBCODE = Pattern.compile("\\b(2207\\d{3})\\b");

    private final Duration timeout;
    private final Duration pollInterval;
    private final Duration maxWait;

    public InstagramPlugin() {
        // Meta asks for no more than one status query a minute over five minutes; an image is usually
        // ready in seconds, so a few seconds between queries for two minutes, then the outbox retries.
        this(JsonHttp.REQUEST_TIMEOUT, Duration.ofSeconds(5), Duration.ofMinutes(2));
    }

    /** With other timings (tests). */
    public InstagramPlugin(Duration timeout, Duration pollInterval, Duration maxWait) {
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.maxWait = maxWait;
    }

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("instagram", LocalText.of("Instagram"), Set.of(Channel.SOCIAL))
            .description(LocalText.of("Posts the story’s pictures (a carousel when there are "
                    + "several) with its caption on an Instagram professional account.", "Publie les images de "
                    + "l’histoire (en carrousel s’il y en a plusieurs) avec sa légende sur un compte Instagram "
                    + "professionnel."))
            .icon("fth-instagram")
            .network(Network.INSTAGRAM);
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.required(GraphLogin.APP_ID, SettingSpec.Type.TEXT, LocalText.of("Meta app ID",
                        "ID de l’app Meta"), LocalText.of("Once: on developers.facebook.com › My Apps › Create app "
                        + "(type Business), add Facebook Login with the permissions instagram_basic, "
                        + "instagram_content_publish, business_management and the Pages ones, enter "
                        + GraphLogin.REDIRECT_URI + " as a valid OAuth redirect URI, then copy the App ID.",
                        "Une fois : sur developers.facebook.com › Mes apps › Créer une app (type Entreprise), "
                                + "ajoutez Facebook Login avec les autorisations instagram_basic, "
                                + "instagram_content_publish, business_management et celles des Pages, indiquez "
                                + GraphLogin.REDIRECT_URI + " comme URI de redirection OAuth valide, puis copiez "
                                + "l’ID de l’app.")),
                SettingSpec.secret(GraphLogin.APP_SECRET, LocalText.of("Meta app secret", "Clé secrète de l’app Meta"),
                        LocalText.of("App settings › Basic › App secret. Cristal needs it to turn Facebook’s "
                                + "one-hour access into one that lasts, so posts keep going out without reconnecting.",
                                "Paramètres de l’app › Général › Clé secrète. Cristal en a besoin pour changer "
                                        + "l’accès d’une heure donné par Facebook en un accès durable, pour que les "
                                        + "publications partent sans reconnexion.")),
                SettingSpec.optional(ACCOUNT, SettingSpec.Type.TEXT, "", LocalText.of("Instagram account",
                        "Compte Instagram"), LocalText.of("Filled by Connect: the account you chose.",
                        "Rempli par Connecter : le compte choisi.")),
                new SettingSpec(GraphLogin.PAGE_TOKEN, SettingSpec.Type.PASSWORD, false, true, "", List.of(),
                        LocalText.of("Page token", "Jeton de la Page"),
                        LocalText.of("Filled by Connect: the token of the Facebook Page linked to the account.",
                                "Rempli par Connecter : le jeton de la Page Facebook liée au compte.")),
                new SettingSpec(IMAGE_HOST, SettingSpec.Type.CHOICE, false, false, "page", List.of("page", "site"),
                        LocalText.of("Where Instagram fetches the image", "Où Instagram prend l’image"),
                        LocalText.of("page: Cristal uploads it to your Facebook Page, hidden from its feed (works "
                                + "always); site: Instagram takes it from your website, where it must already be "
                                + "online, as a JPEG.", "page : Cristal la dépose sur votre Page Facebook, sans "
                                + "l’afficher dans son fil (marche toujours) ; site : Instagram la prend sur votre "
                                + "site web, où elle doit déjà être en ligne, en JPEG.")),
                SettingSpec.optional(SITE_URL, SettingSpec.Type.URL, "", LocalText.of("Website address",
                        "Adresse du site web"), LocalText.of("With “site”: your website’s address; the image is "
                        + "read at <address>/images/<file name>.", "Avec « site » : l’adresse de votre site ; "
                        + "l’image est lue à <adresse>/images/<nom du fichier>.")),
                SettingSpec.optional("api", SettingSpec.Type.URL, Graph.DEFAULT_API,
                        LocalText.of("API address", "Adresse de l’API"),
                        LocalText.of("Leave " + Graph.DEFAULT_API + ".", "Laissez " + Graph.DEFAULT_API + ".")));
    }

    /** Besides the basic checks: "site" needs the website's address. */
    @Override
    public List<org.cristal.publish.spi.SettingProblem> validate(ChannelSettings settings) {
        List<org.cristal.publish.spi.SettingProblem> problems = new ArrayList<>(
                org.cristal.publish.spi.SettingProblem.basic(settings(), settings));
        if (settings.get(IMAGE_HOST, "page").equals("site") && settings.get(SITE_URL).isEmpty()) {
            problems.add(new org.cristal.publish.spi.SettingProblem(SITE_URL, text("publish.instagram.siteUrlNeeded")));
        }
        return problems;
    }

    @Override
    public Optional<OAuthConnect> oauth() {
        return Optional.of(new OAuthConnect() {
            @Override
            public java.util.Set<String> filledByConnect() {
                return java.util.Set.of(ACCOUNT, GraphLogin.PAGE_TOKEN);
            }

            @Override
            public OAuthSpec spec(ChannelSettings settings) throws PublishException {
                return GraphLogin.spec(settings, SCOPE);
            }

            @Override
            public Connected connected(ChannelSettings settings, PublishContext context) throws PublishException {
                GraphLogin.Reached reached = GraphLogin.reach("Instagram", settings, context,
                        "instagram_business_account{id,username}", timeout);
                List<Connected.Target> targets = new ArrayList<>();
                for (JsonNode page : reached.pages()) {
                    JsonNode ig = page.path("instagram_business_account");
                    if (ig.path("id").isTextual() && page.path("access_token").isTextual()) {
                        targets.add(new Connected.Target(ig.path("id").asText(), text("publish.instagram.target",
                                ig.path("username").asText(""), page.path("name").asText("")).get(context.locale()),
                                Map.of(GraphLogin.PAGE_TOKEN, page.path("access_token").asText())));
                    }
                }
                if (targets.isEmpty()) {
                    throw PublishException.permanent(text("publish.instagram.noAccount"));
                }
                return new Connected(text("publish.meta.who", reached.user(), "Instagram"), ACCOUNT, targets,
                        reached.token(), reached.grantExpiry());
            }
        });
    }

    /** Likes and comments of what it posted (see {@link InstagramResults}). */
    @Override
    public Optional<org.cristal.publish.spi.ResultsReader> results() {
        return Optional.of(new InstagramResults(timeout));
    }

    @Override
    public LocalText testConnection(ChannelSettings settings, PublishContext context) throws PublishException {
        String account = account(settings);
        String token = token(settings);
        JsonNode me = graph(settings, context, token).get(account + "?fields=id,username", token);
        return text("publish.instagram.connected", me.path("username").asText(account));
    }

    @Override
    public PublishResult publish(PublishRequest request, PublishContext context) throws PublishException {
        context.checkCancelled();
        ChannelSettings settings = request.settings();
        SocialThread thread = SocialThread.of(request, Network.INSTAGRAM);
        Journal journal = context.journal();
        if (journal.get("media").isPresent()) {
            return result(journal.get("media").get(), journal, context);
        }
        thread.image().orElseThrow(() -> PublishException.permanent(text("publish.instagram.noImage")));
        Pictures pictures = Pictures.of(request, thread);
        String account = account(settings);
        String token = token(settings);
        Graph graph = graph(settings, context, token);
        String caption = String.join("\n\n", thread.posts());
        context.progress(0, text("publish.instagram.preparing"));
        if (pictures.leftOut() > 0) {
            context.progress(0, text("publish.instagram.carouselFull", Pictures.MAX, pictures.leftOut()));
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            String container = journal.get("container").filter(c -> !c.isBlank()).orElse(null);
            if (container == null) {
                context.checkCancelled();
                Map<String, String> form = new LinkedHashMap<>();
                if (pictures.carousel()) {
                    List<String> children = new ArrayList<>();
                    String status = children(pictures, settings, graph, token, journal, context, children);
                    if (status.equals("EXPIRED")) {
                        forget(pictures, journal);
                        continue;
                    }
                    if (status.equals("PUBLISHED")) {
                        return published(request, context);
                    }
                    form.put("media_type", "CAROUSEL");
                    form.put("children", String.join(",", children));
                } else {
                    Pictures.Picture picture = pictures.shown().get(0);
                    form.put("image_url", imageUrl(settings, graph, token, picture.asset(), "photo", journal));
                    if (!picture.alt().isEmpty()) {
                        form.put("alt_text", picture.alt());
                    }
                }
                form.put("caption", caption);
                container = graph.field(graph.post(account + "/media", token, form), "id");
                journal.put("container", container);
            }
            String status = await(graph, token, container, context);
            if (status.equals("EXPIRED")) {
                // Not published within 24 hours: Instagram wants a new container (and new carousel items).
                forget(pictures, journal);
                continue;
            }
            if (status.equals("PUBLISHED")) {
                return published(request, context);
            }
            context.progress(0.8, SocialThread.progress(1, 1));
            String media = graph.field(graph.post(account + "/media_publish", token, Map.of("creation_id", container)),
                    "id");
            journal.put("media", media);
            try {
                journal.put("url", graph.get(media + "?fields=id,permalink", token).path("permalink").asText(""));
            } catch (PublishException e) {
                // The post is up; without its permalink the result shows the account's address.
            }
            context.progress(1, SocialThread.progress(1, 1));
            return result(media, journal, context);
        }
        throw PublishException.transientFailure(text("publish.instagram.expired"), null);
    }

    /**
     * Makes (or reuses, from the journal) one carousel item per picture, in order, and waits for each;
     * returns FINISHED when all are, else the first other status (EXPIRED, PUBLISHED).
     */
    private String children(Pictures pictures, ChannelSettings settings, Graph graph, String token, Journal journal,
            PublishContext context, List<String> children) throws PublishException {
        String account = account(settings);
        int n = pictures.shown().size();
        for (int i = 0; i < n; i++) {
            String key = "child." + (i + 1);
            String child = journal.get(key).filter(c -> !c.isBlank()).orElse(null);
            if (child == null) {
                context.checkCancelled();
                context.progress(0.8 * i / n, text("publish.instagram.preparingPicture", i + 1, n));
                Pictures.Picture picture = pictures.shown().get(i);
                Map<String, String> form = new LinkedHashMap<>();
                form.put("image_url", imageUrl(settings, graph, token, picture.asset(), "photo." + (i + 1), journal));
                form.put("is_carousel_item", "true");
                if (!picture.alt().isEmpty()) {
                    form.put("alt_text", picture.alt());
                }
                child = graph.field(graph.post(account + "/media", token, form), "id");
                journal.put(key, child);
            }
            String status = await(graph, token, child, context);
            if (!status.equals("FINISHED")) {
                return status;
            }
            children.add(child);
        }
        return "FINISHED";
    }

    /** Drops the containers Instagram let expire; uploaded pictures stay reusable. */
    private static void forget(Pictures pictures, Journal journal) {
        journal.put("container", "");
        if (pictures.carousel()) {
            for (int i = 1; i <= pictures.shown().size(); i++) {
                journal.put("child." + i, "");
            }
        }
    }

    /** An earlier attempt's publish went through and its answer was lost. */
    private PublishResult published(PublishRequest request, PublishContext context) throws PublishException {
        Optional<PublishResult> found = lookup(request, context);
        if (found.isPresent()) {
            return found.get();
        }
        throw PublishException.transientFailure(text("publish.instagram.notListedYet"), null);
    }

    /** Finds the media among the account's latest by its caption (whitespace aside) and a time no older than the publication's. */
    @Override
    public Optional<PublishResult> lookup(PublishRequest request, PublishContext context) throws PublishException {
        Journal journal = context.journal();
        if (journal.get("media").isPresent()) {
            return Optional.of(result(journal.get("media").get(), journal, context));
        }
        ChannelSettings settings = request.settings();
        String caption = plain(String.join("\n\n", SocialThread.of(request, Network.INSTAGRAM).posts()));
        String account = account(settings);
        String token = token(settings);
        JsonNode media = graph(settings, context, token).get(account
                + "/media?limit=25&fields=id,caption,timestamp,permalink", token).path("data");
        Instant since = request.scheduledAt().minus(Duration.ofMinutes(5));
        for (JsonNode m : media) {
            Instant at = Graph.time(m.path("timestamp").asText(""));
            if (at != null && !at.isBefore(since) && plain(m.path("caption").asText("")).equals(caption)) {
                journal.put("media", m.path("id").asText());
                journal.put("url", m.path("permalink").asText(""));
                return Optional.of(result(m.path("id").asText(), journal, context));
            }
        }
        return Optional.empty();
    }

    /**
     * Where Instagram fetches the image: the Page's copy (uploaded once, unpublished, its id journalled
     * under {@code key} before its address is read) or the website's.
     */
    private String imageUrl(ChannelSettings settings, Graph graph, String token, Asset image, String key,
            Journal journal) throws PublishException {
        String name = image.fileName();
        if (settings.get(IMAGE_HOST, "page").equals("site")) {
            return JsonHttp.base(settings.require(SITE_URL)) + "/images/" + Graph.enc(name).replace("+", "%20");
        }
        String photo = journal.get(key).orElse(null);
        if (photo == null) {
            // With a Page token, "me" is the Page.
            String page = graph.field(graph.get("me?fields=id", token), "id");
            photo = graph.field(graph.post(page + "/photos", token, new Multipart()
                    .file("source", name, image.mediaType(), image.bytes()).field("published", "false")), "id");
            journal.put(key, photo);
        }
        JsonNode images = graph.get(photo + "?fields=images", token).path("images");
        // Largest first, as Graph lists them.
        if (!images.isArray() || images.isEmpty()) {
            throw graph.unexpected();
        }
        return graph.field(images.get(0), "source");
    }

    /** Waits until the container is no longer IN_PROGRESS; ERROR becomes a clear permanent failure. */
    private String await(Graph graph, String token, String container, PublishContext context)
            throws PublishException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            context.checkCancelled();
            JsonNode c = graph.get(container + "?fields=id,status_code,status", token);
            String code = c.path("status_code").asText("");
            if (code.equals("ERROR")) {
                throw containerError(c.path("status").asText(""));
            }
            if (!code.equals("IN_PROGRESS") && !code.isEmpty()) {
                return code;
            }
            if (System.nanoTime() > deadline) {
                throw PublishException.transientFailure(text("publish.instagram.processing"), null);
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw PublishException.cancelled();
            }
        }
    }

    /** A container Instagram could not make into a post: its status names the reason as a 2207xxx subcode. */
    private static PublishException containerError(String status) {
        Matcher m = SUBCODE.matcher(status);
        String sub = m.find() ? m.group(1) : "";
        return PublishException.permanent(switch (sub) {
            case "2207009" -> text("publish.instagram.aspectRatio");
            case "2207052" -> text("publish.instagram.imageUnreachable");
            case "2207026", "2207004" -> text("publish.instagram.jpegOnly");
            default -> text("publish.instagram.containerError");
        });
    }

    private static PublishResult result(String id, Journal journal, PublishContext context) {
        String url = journal.get("url").filter(u -> !u.isBlank()).orElse("https://www.instagram.com/");
        return new PublishResult(id, url, context.clock().instant(), 1);
    }

    private static String account(ChannelSettings settings) throws PublishException {
        return settings.get(ACCOUNT).orElseThrow(() -> PublishException.permanent(
                text("publish.meta.notConnected", "Instagram")));
    }

    /** The linked Page's token from Connect; the user's token works for Instagram's own calls too. */
    static String token(ChannelSettings settings) throws PublishException {
        return settings.get(GraphLogin.PAGE_TOKEN).or(() -> settings.get(OAuthConnect.ACCESS_TOKEN))
                .orElseThrow(() -> PublishException.permanent(text("publish.meta.notConnected", "Instagram")));
    }

    private Graph graph(ChannelSettings settings, PublishContext context, String token) {
        return new Graph("Instagram", Graph.api(settings), timeout, context.clock(), token,
                settings.get(GraphLogin.APP_SECRET).orElse(null), settings.get(OAuthConnect.ACCESS_TOKEN).orElse(null));
    }

    private static String plain(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static LocalText text(String key, Object... args) {
        return LocalText.fromBundle(PublishException.BUNDLE, key, args);
    }
}
