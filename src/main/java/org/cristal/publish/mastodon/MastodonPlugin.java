package org.cristal.publish.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * Posts a story's Mastodon rendition to an account on any Mastodon instance: the hero image with its alt
 * text on the first post, a long text as a thread of replies. Every status is sent with an
 * {@code Idempotency-Key}, and every part posted is recorded in the journal, so a retry neither posts a
 * part twice nor breaks the thread.
 */
public final class MastodonPlugin implements ChannelPlugin {
    static final String INSTANCE = "instance";
    static final String TOKEN = "token";
    static final String VISIBILITY = "visibility";
    static final String CLIENT_ID = "clientId";
    static final String CLIENT_SECRET = "clientSecret";
    /** Posting, its image, and reading back who the user is and the counts of what was posted. */
    static final String SCOPES = "read:accounts read:statuses write:statuses write:media";

    private final Duration timeout;
    private final Duration pollInterval;

    public MastodonPlugin() {
        this(JsonHttp.REQUEST_TIMEOUT, Duration.ofSeconds(1));
    }

    /** With other timeouts (tests). */
    public MastodonPlugin(Duration timeout, Duration pollInterval) {
        this.timeout = timeout;
        this.pollInterval = pollInterval;
    }

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("mastodon", LocalText.of("Mastodon"), Set.of(Channel.SOCIAL))
            .description(LocalText.of("Posts the story to a Mastodon account, as a thread when it is long.",
                    "Publie l’histoire sur un compte Mastodon, en fil quand elle est longue."))
            .icon("fth-message-circle")
            .network(Network.MASTODON)
            // Mastodon keeps the status created under an Idempotency-Key for an hour (docs.joinmastodon.org,
            // POST /api/v1/statuses): a repeat after that would be a second status.
            .keyMemory(Duration.ofHours(1));
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.required(INSTANCE, SettingSpec.Type.URL,
                        LocalText.of("Instance", "Instance"),
                        LocalText.of("The address of your Mastodon server, e.g. https://piaille.fr",
                                "L’adresse de votre serveur Mastodon, par exemple https://piaille.fr")),
                new SettingSpec(TOKEN, SettingSpec.Type.PASSWORD, false, true, "", List.of(),
                        LocalText.of("Access token (instead of Connect)", "Jeton d’accès (au lieu de Connecter)"),
                        LocalText.of("Leave empty and click Connect. Or, the old way: Preferences › Development › "
                                + "New application, with the read:accounts, read:statuses, write:statuses and "
                                + "write:media scopes; copy “Your access token”.",
                                "Laissez vide et cliquez sur Connecter. Ou, à l’ancienne\u00a0: Préférences › "
                                        + "Développement › Nouvelle application, avec les autorisations "
                                        + "read:accounts, read:statuses, write:statuses et write:media\u00a0; copiez "
                                        + "«\u00a0Votre jeton d’accès\u00a0».")),
                SettingSpec.optional(CLIENT_ID, SettingSpec.Type.TEXT, "",
                        LocalText.of("App id on the instance", "Identifiant de l’application sur l’instance"),
                        LocalText.of("Filled by Connect.", "Rempli par Connecter.")),
                new SettingSpec(CLIENT_SECRET, SettingSpec.Type.PASSWORD, false, true, "", List.of(),
                        LocalText.of("App secret on the instance", "Secret de l’application sur l’instance"),
                        LocalText.of("Filled by Connect.", "Rempli par Connecter.")),
                new SettingSpec(VISIBILITY, SettingSpec.Type.CHOICE, false, false, "public",
                        List.of("public", "unlisted", "private"), LocalText.of("Visibility", "Visibilité"),
                        LocalText.of("public: everyone; unlisted: not in public timelines; private: followers only.",
                                "public : tout le monde ; unlisted : hors des fils publics ; private : abonnés "
                                        + "seulement.")));
    }

    @Override
    public LocalText testConnection(ChannelSettings settings, PublishContext context) throws PublishException {
        String base = JsonHttp.base(settings.require(INSTANCE));
        String token = token(settings);
        JsonHttp http = new JsonHttp("Mastodon", timeout, context.clock(), token);
        JsonNode account = http.get(URI.create(base + "/api/v1/accounts/verify_credentials"), token);
        String acct = http.field(account, "acct");
        return LocalText.fromBundle(PublishException.BUNDLE, "publish.mastodon.connected", acct,
                URI.create(base).getHost());
    }

    /** The token Connect granted, else the one pasted the old way. */
    static String token(ChannelSettings settings) throws PublishException {
        Optional<String> granted = settings.get(OAuthConnect.ACCESS_TOKEN);
        return granted.isPresent() ? granted.get() : settings.require(TOKEN);
    }

    /**
     * Connect: Cristal registers itself on the user's instance (there is no app shared by every server), then
     * the usual consent page. It registers again at each Connect, with that Connect's loopback address:
     * Mastodon checks the redirect URI, port and all, against the registered one, and a fixed port could be
     * taken on the user's machine. An app registration is free and only the latest one is kept.
     */
    @Override
    public Optional<OAuthConnect> oauth() {
        return Optional.of(new OAuthConnect() {
            @Override
            public java.util.Set<String> filledByConnect() {
                return java.util.Set.of(CLIENT_ID, CLIENT_SECRET);
            }

            @Override
            public OAuthSpec spec(ChannelSettings settings) throws PublishException {
                String base = JsonHttp.base(settings.require(INSTANCE));
                return OAuthSpec.of(URI.create(base + "/oauth/authorize"), URI.create(base + "/oauth/token"),
                        settings.require(CLIENT_ID), settings.get(CLIENT_SECRET).orElse(null), SCOPES);
            }

            @Override
            public Map<String, String> register(ChannelSettings settings, String redirectUri, PublishContext context)
                    throws PublishException {
                String base = JsonHttp.base(settings.require(INSTANCE));
                JsonHttp http = new JsonHttp("Mastodon", timeout, context.clock());
                Map<String, Object> app = new LinkedHashMap<>();
                app.put("client_name", "Cristal");
                app.put("redirect_uris", redirectUri);
                app.put("scopes", SCOPES);
                JsonNode got = http.postJson(URI.create(base + "/api/v1/apps"), null, app, Map.of());
                String secret = http.field(got, "client_secret");
                http = new JsonHttp("Mastodon", timeout, context.clock(), secret);
                return Map.of(CLIENT_ID, http.field(got, "client_id"), CLIENT_SECRET, secret);
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

    /** Favourites, boosts and replies of what it posted (see {@link MastodonResults}). */
    @Override
    public Optional<org.cristal.publish.spi.ResultsReader> results() {
        return Optional.of(new MastodonResults(timeout));
    }

    @Override
    public PublishResult publish(PublishRequest request, PublishContext context) throws PublishException {
        SocialThread thread = SocialThread.of(request, Network.MASTODON);
        ChannelSettings settings = request.settings();
        String base = JsonHttp.base(settings.require(INSTANCE));
        String token = token(settings);
        String visibility = settings.get(VISIBILITY, "public");
        JsonHttp http = new JsonHttp("Mastodon", timeout, context.clock(), token);
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
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("status", thread.posts().get(i));
            if (i == 0 && thread.image().isPresent()) {
                status.put("media_ids", List.of(media(http, base, token, thread, journal, context)));
            }
            status.put("visibility", visibility);
            if (!thread.language().isEmpty()) {
                // Mastodon takes an ISO 639 code ("fr"), not a regional tag ("fr-CA").
                status.put("language", thread.language().split("[-_]")[0].toLowerCase(java.util.Locale.ROOT));
            }
            if (previous != null) {
                status.put("in_reply_to_id", previous);
            }
            // Mastodon keeps the status created under a key for an hour and answers a repeat with it:
            // a retry after a dropped answer gets the same status instead of a second one.
            JsonNode posted = http.postJson(URI.create(base + "/api/v1/statuses"), token, status,
                    Map.of("Idempotency-Key", request.idempotencyKey() + "-" + (i + 1)));
            previous = http.field(posted, "id");
            if (i == 0) {
                journal.put("url:1", posted.path("url").asText(""));
            }
            journal.put(key, previous);
        }
        context.progress(1, SocialThread.progress(n, n));
        return new PublishResult(journal.get("post:1").orElse(""), journal.get("url:1").orElse(""),
                context.clock().instant(), n);
    }

    /**
     * Finds what the service has of this publication once its keys are forgotten: the account's latest
     * statuses are read, and each post the journal lacks is looked for in turn (the first one by its text,
     * or its image, and its time; a reply by the post it answers). What is found goes in the journal; empty
     * when some post is still missing, which the next attempt sends.
     */
    @Override
    public Optional<PublishResult> lookup(PublishRequest request, PublishContext context) throws PublishException {
        SocialThread thread = SocialThread.of(request, Network.MASTODON);
        ChannelSettings settings = request.settings();
        String base = JsonHttp.base(settings.require(INSTANCE));
        String token = token(settings);
        JsonHttp http = new JsonHttp("Mastodon", timeout, context.clock(), token);
        Journal journal = context.journal();
        JsonNode statuses = null;
        int n = thread.size();
        for (int i = 0; i < n; i++) {
            String key = "post:" + (i + 1);
            if (journal.get(key).isPresent()) {
                continue;
            }
            if (statuses == null) {
                String account = http.field(http.get(URI.create(base + "/api/v1/accounts/verify_credentials"), token), "id");
                statuses = http.get(URI.create(base + "/api/v1/accounts/" + account + "/statuses?limit=40"), token);
            }
            Optional<JsonNode> found = find(statuses, thread, i, journal, request.scheduledAt());
            if (found.isEmpty()) {
                return Optional.empty();
            }
            if (i == 0) {
                journal.put("url:1", found.get().path("url").asText(""));
            }
            journal.put(key, http.field(found.get(), "id"));
        }
        return Optional.of(new PublishResult(journal.get("post:1").orElse(""), journal.get("url:1").orElse(""),
                context.clock().instant(), n));
    }

    /** Post {@code i} of the thread among {@code statuses}, newest first. */
    private static Optional<JsonNode> find(JsonNode statuses, SocialThread thread, int i, Journal journal,
            java.time.Instant scheduledAt) {
        String previous = i == 0 ? null : journal.get("post:" + i).orElse(null);
        Optional<String> media = i == 0 ? journal.get("media") : Optional.empty();
        String text = plain(thread.posts().get(i));
        for (JsonNode s : statuses) {
            String replyTo = s.path("in_reply_to_id").isTextual() ? s.path("in_reply_to_id").asText() : null;
            if (!java.util.Objects.equals(replyTo, previous)) {
                continue;
            }
            if (previous != null) {
                return Optional.of(s);
            }
            // The first post: an older publication of the same story may have the same words, so it must
            // also be no older than this one's time, and carry this publication's image when it has one.
            java.time.Instant created = parseTime(s.path("created_at").asText(""));
            if (created != null && created.isBefore(scheduledAt.minus(Duration.ofMinutes(5)))) {
                continue;
            }
            boolean sameMedia = media.isEmpty() || java.util.stream.StreamSupport.stream(
                    s.path("media_attachments").spliterator(), false).anyMatch(m -> m.path("id").asText().equals(media.get()));
            if (sameMedia && plain(html(s.path("content").asText(""))).equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static java.time.Instant parseTime(String iso) {
        try {
            return iso.isEmpty() ? null : java.time.Instant.parse(iso);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The text of a status's HTML as Mastodon renders it: paragraphs and line breaks, links and tags as text. */
    private static String html(String content) {
        return org.jsoup.parser.Parser.unescapeEntities(content.replaceAll("(?i)<br\\s*/?>|</p>\\s*<p>", "\n")
                .replaceAll("<[^>]+>", ""), false);
    }

    /** Whitespace aside: Mastodon may fold spaces and line ends. */
    private static String plain(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /**
     * Uploads the image once and waits until the server has processed it. Uploads carry no key, so the id
     * goes in the journal as soon as the server gives it, before the wait: an attempt that fails after that
     * (processing too slow, a dropped poll, the status refused) reuses the upload instead of sending the
     * image again.
     */
    private String media(JsonHttp http, String base, String token, SocialThread thread, Journal journal,
            PublishContext context) throws PublishException {
        Optional<String> uploaded = journal.get("media");
        if (uploaded.isPresent()) {
            if (journal.get("media.ready").isEmpty()) {
                awaitProcessed(http, base, token, uploaded.get(), context);
                journal.put("media.ready", "1");
            }
            return uploaded.get();
        }
        Asset image = thread.image().orElseThrow();
        Multipart form = new Multipart().file("file", image.fileName(), image.mediaType(), image.bytes());
        if (!thread.alt().isEmpty()) {
            form.field("description", thread.alt());
        }
        JsonHttp.Response r = http.send(http.request(URI.create(base + "/api/v2/media"))
                .header("Authorization", "Bearer " + token).header("Content-Type", form.contentType())
                .POST(form.body()));
        String id = http.field(r.json(http), "id");
        journal.put("media", id);
        if (r.status() == 202) {
            awaitProcessed(http, base, token, id, context);
        }
        journal.put("media.ready", "1");
        return id;
    }

    /** 202 means the server is still processing the file: GET answers 206 until it is ready, then 200. */
    private void awaitProcessed(JsonHttp http, String base, String token, String id, PublishContext context)
            throws PublishException {
        long deadline = System.nanoTime() + timeout.multipliedBy(4).toNanos();
        while (System.nanoTime() < deadline) {
            context.checkCancelled();
            JsonHttp.Response r = http.send(http.request(URI.create(base + "/api/v1/media/" + id))
                    .header("Authorization", "Bearer " + token).GET());
            if (r.status() == 200) {
                return;
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw PublishException.cancelled();
            }
        }
        throw PublishException.transientFailure(
                LocalText.fromBundle(PublishException.BUNDLE, "publish.mastodon.mediaSlow"), null);
    }
}
