package org.cristal.publish.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cristal.publish.http.JsonHttp;
import org.cristal.publish.social.SocialThread;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.Journal;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PluginDescriptor;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.spi.SettingSpec;
import org.cristal.story.Asset;
import org.cristal.story.Channel;
import org.cristal.story.Network;
import org.cristal.story.Story;

/**
 * Posts a story's Bluesky rendition through the AT Protocol: a session from the handle and an app
 * password, the image as a blob embedded with its alt text (or a link card when there is no image), links
 * and hashtags as facets, a long text as a thread of replies. Each post's record key is derived from the
 * idempotency key, so a retry finds the post it already made instead of making another.
 */
public final class BlueskyPlugin implements ChannelPlugin {
    static final String SERVICE = "service";
    static final String HANDLE = "handle";
    static final String PASSWORD = "appPassword";
    static final String POST = "app.bsky.feed.post";
    /** The PDS refuses bigger image blobs. */
    static final int MAX_IMAGE_BYTES = 1_000_000;
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final Duration timeout;

    public BlueskyPlugin() {
        this(JsonHttp.REQUEST_TIMEOUT);
    }

    /** With another timeout (tests). */
    public BlueskyPlugin(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("bluesky", LocalText.of("Bluesky"), Set.of(Channel.SOCIAL))
            .description(LocalText.of("Posts the story to a Bluesky account, as a thread when it is long.",
                    "Publie l’histoire sur un compte Bluesky, en fil quand elle est longue."))
            .icon("fth-cloud")
            .network(Network.BLUESKY)
            // Each post has a record key derived from the publication's: the repository refuses it twice, ever.
            .keyMemory(ALWAYS_REMEMBERS);
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.optional(SERVICE, SettingSpec.Type.URL, "https://bsky.social",
                        LocalText.of("Server (PDS)", "Serveur (PDS)"),
                        LocalText.of("Leave https://bsky.social unless your account is on another server.",
                                "Laissez https://bsky.social sauf si votre compte est sur un autre serveur.")),
                SettingSpec.required(HANDLE, SettingSpec.Type.TEXT, LocalText.of("Handle", "Identifiant"),
                        LocalText.of("Your handle without the @, e.g. boulangerie.bsky.social",
                                "Votre identifiant sans le @, par exemple boulangerie.bsky.social")),
                SettingSpec.secret(PASSWORD, LocalText.of("App password", "Mot de passe d’application"),
                        LocalText.of("Settings › Privacy and security › App passwords › Add; never your "
                                + "account password.",
                                "Réglages › Confidentialité et sécurité › Mots de passe d’application › "
                                        + "Ajouter ; jamais le mot de passe du compte.")));
    }

    @Override
    public LocalText testConnection(ChannelSettings settings, PublishContext context) throws PublishException {
        Session s = Session.open(settings, timeout, context);
        return LocalText.fromBundle(PublishException.BUNDLE, "publish.bluesky.connected", s.handle(),
                URI.create(s.base()).getHost());
    }

    /** Likes, reposts, replies and quotes of what it posted (see {@link BlueskyResults}). */
    @Override
    public Optional<org.cristal.publish.spi.ResultsReader> results() {
        return Optional.of(new BlueskyResults(timeout));
    }

    @Override
    public PublishResult publish(PublishRequest request, PublishContext context) throws PublishException {
        SocialThread thread = SocialThread.of(request, Network.BLUESKY);
        Optional<Asset> image = thread.image();
        if (image.isPresent() && image.get().bytes().length > MAX_IMAGE_BYTES) {
            throw PublishException.permanent(LocalText.fromBundle(PublishException.BUNDLE,
                    "publish.bluesky.imageTooBig", image.get().bytes().length / 1000, MAX_IMAGE_BYTES / 1000));
        }
        context.checkCancelled();
        Session session = Session.open(request.settings(), timeout, context);
        Journal journal = context.journal();
        int n = thread.size();
        Map<String, String> root = null;
        Map<String, String> parent = null;
        for (int i = 0; i < n; i++) {
            String rkey = RecordKeys.of(request.idempotencyKey(), request.scheduledAt(), i);
            String key = "post:" + (i + 1);
            Optional<String> done = journal.get(key);
            Map<String, String> ref;
            if (done.isPresent()) {
                ref = strongRef(done.get());
            } else {
                context.checkCancelled();
                context.progress((double) i / n, SocialThread.progress(i + 1, n));
                Map<String, Object> record = record(request.story().story(), thread, i, root, parent, session,
                        context);
                ref = create(session, rkey, record);
                journal.put(key, ref.get("uri") + " " + ref.get("cid"));
            }
            if (root == null) {
                root = ref;
            }
            parent = ref;
        }
        context.progress(1, SocialThread.progress(n, n));
        String first = RecordKeys.of(request.idempotencyKey(), request.scheduledAt(), 0);
        return new PublishResult(root.get("uri"), postUrl(session.handle(), first), context.clock().instant(), n);
    }

    /**
     * Whether every post of the thread exists under its record key: then the publication went through.
     * A thread cut short is published again, which adds only the missing posts.
     */
    @Override
    public Optional<PublishResult> lookup(PublishRequest request, PublishContext context) throws PublishException {
        SocialThread thread = SocialThread.of(request, Network.BLUESKY);
        Session session = Session.open(request.settings(), timeout, context);
        String firstUri = null;
        for (int i = 0; i < thread.size(); i++) {
            Optional<Map<String, String>> found =
                    getRecord(session, RecordKeys.of(request.idempotencyKey(), request.scheduledAt(), i));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            if (i == 0) {
                firstUri = found.get().get("uri");
            }
        }
        return Optional.of(new PublishResult(firstUri,
                postUrl(session.handle(), RecordKeys.of(request.idempotencyKey(), request.scheduledAt(), 0)),
                context.clock().instant(), thread.size()));
    }

    private Map<String, Object> record(Story story, SocialThread thread, int i, Map<String, String> root,
            Map<String, String> parent, Session session, PublishContext context) throws PublishException {
        String text = thread.posts().get(i);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("$type", POST);
        record.put("text", text);
        record.put("createdAt", context.clock().instant().truncatedTo(ChronoUnit.MILLIS).toString());
        if (!thread.language().isEmpty()) {
            record.put("langs", List.of(thread.language()));
        }
        List<Map<String, Object>> facets = Facets.of(text);
        if (!facets.isEmpty()) {
            record.put("facets", facets);
        }
        if (root != null) {
            record.put("reply", Map.of("root", root, "parent", parent));
        }
        if (i == 0 && thread.image().isPresent()) {
            record.put("embed", imageEmbed(session, thread, context));
        } else if (thread.image().isEmpty()) {
            Matcher link = LINK.matcher(text);
            if (link.find() && !thread.posts().subList(0, i).stream().anyMatch(p -> LINK.matcher(p).find())) {
                // Without a picture, the first post with the link shows it as a card.
                Map<String, Object> external = new LinkedHashMap<>();
                external.put("uri", Facets.of(text).stream()
                        .map(f -> ((List<?>) f.get("features")).get(0)).map(Map.class::cast)
                        .filter(f -> f.containsKey("uri")).map(f -> (String) f.get("uri")).findFirst()
                        .orElse(link.group()));
                external.put("title", story.title());
                external.put("description", story.summary());
                record.put("embed", Map.of("$type", "app.bsky.embed.external", "external", external));
            }
        }
        return record;
    }

    /** Uploads the image as a blob (once: the journal keeps the blob's reference) and embeds it with its alt. */
    private Map<String, Object> imageEmbed(Session session, SocialThread thread, PublishContext context)
            throws PublishException {
        Journal journal = context.journal();
        JsonNode blob;
        Optional<String> uploaded = journal.get("blob");
        if (uploaded.isPresent()) {
            blob = session.http().parse(uploaded.get().getBytes(StandardCharsets.UTF_8));
        } else {
            Asset image = thread.image().orElseThrow();
            JsonNode answer = session.http().send(session.http()
                    .request(URI.create(session.base() + "/xrpc/com.atproto.repo.uploadBlob"))
                    .header("Authorization", "Bearer " + session.accessJwt())
                    .header("Content-Type", image.mediaType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(image.bytes()))).json(session.http());
            blob = answer.path("blob");
            if (!blob.isObject()) {
                throw session.http().unexpected();
            }
            journal.put("blob", JsonHttp.write(blob));
        }
        Asset image = thread.image().orElseThrow();
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("alt", thread.alt());
        one.put("image", blob);
        one.put("aspectRatio", Map.of("width", image.width(), "height", image.height()));
        return Map.of("$type", "app.bsky.embed.images", "images", List.of(one));
    }

    /**
     * Creates the record under its key. When that fails for any reason but the credentials, the post may
     * exist already (an earlier attempt whose answer was lost: the PDS refuses a second record under the
     * same key), so the key is looked up before giving up.
     */
    private Map<String, String> create(Session session, String rkey, Map<String, Object> record)
            throws PublishException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("repo", session.did());
        body.put("collection", POST);
        body.put("rkey", rkey);
        body.put("record", record);
        try {
            JsonNode created = session.http().postJson(
                    URI.create(session.base() + "/xrpc/com.atproto.repo.createRecord"), session.accessJwt(), body,
                    Map.of());
            return Map.of("uri", session.http().field(created, "uri"), "cid", session.http().field(created, "cid"));
        } catch (PublishException e) {
            if (e.kind() == PublishException.Kind.AUTH || e.kind() == PublishException.Kind.CANCELLED) {
                throw e;
            }
            Optional<Map<String, String>> existing;
            try {
                existing = getRecord(session, rkey);
            } catch (PublishException lookupFailed) {
                throw e;
            }
            return existing.orElseThrow(() -> e);
        }
    }

    /** The post under {@code rkey} in the account's repository, or empty when there is none. */
    private Optional<Map<String, String>> getRecord(Session session, String rkey) throws PublishException {
        String query = "?repo=" + enc(session.did()) + "&collection=" + POST + "&rkey=" + enc(rkey);
        JsonHttp.Response r = session.http().exchange(session.http()
                .request(URI.create(session.base() + "/xrpc/com.atproto.repo.getRecord" + query))
                .header("Authorization", "Bearer " + session.accessJwt()).GET());
        if (r.status() == 400 && "RecordNotFound".equals(r.errorCode()) || r.status() == 404) {
            return Optional.empty();
        }
        if (!r.ok()) {
            throw session.http().failure(r.status(), r.body(), r.header("Retry-After"));
        }
        JsonNode json = r.json(session.http());
        return Optional.of(Map.of("uri", session.http().field(json, "uri"), "cid", session.http().field(json, "cid")));
    }

    private static Map<String, String> strongRef(String journalled) {
        int space = journalled.indexOf(' ');
        return Map.of("uri", journalled.substring(0, space), "cid", journalled.substring(space + 1));
    }

    static String postUrl(String handle, String rkey) {
        return "https://bsky.app/profile/" + handle + "/post/" + rkey;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** An authenticated session: where, who, and the access token (never shown). */
    record Session(JsonHttp http, String base, String did, String handle, String accessJwt) {
        static Session open(ChannelSettings settings, Duration timeout, PublishContext context)
                throws PublishException {
            String base = JsonHttp.base(settings.get(SERVICE, "https://bsky.social"));
            String handle = settings.require(HANDLE).replaceFirst("^@", "");
            String password = settings.require(PASSWORD);
            JsonHttp login = new JsonHttp("Bluesky", timeout, context.clock(), password);
            JsonNode s = login.postJson(URI.create(base + "/xrpc/com.atproto.server.createSession"), null,
                    Map.of("identifier", handle, "password", password), Map.of());
            String jwt = login.field(s, "accessJwt");
            JsonHttp http = new JsonHttp("Bluesky", timeout, context.clock(), password, jwt,
                    s.path("refreshJwt").asText(""));
            return new Session(http, base, login.field(s, "did"), s.path("handle").asText(handle), jwt);
        }

        @Override
        public String toString() {
            return "Session[" + handle + " on " + base + "]";
        }
    }
}
