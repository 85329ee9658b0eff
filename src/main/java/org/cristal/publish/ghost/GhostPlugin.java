package org.cristal.publish.ghost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cristal.publish.http.JsonHttp;
import org.cristal.publish.http.Multipart;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PluginDescriptor;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.spi.SettingProblem;
import org.cristal.publish.spi.SettingSpec;
import org.cristal.publish.webpost.WebArticle;
import org.cristal.story.Channel;

/**
 * Publishes a story as a Ghost post through the Admin API, authenticated with a token signed by the
 * Admin API key of a custom integration (Settings → Integrations). The hero image is uploaded and becomes
 * the feature image with its alternative text; the body goes in as HTML ({@code ?source=html}), which
 * Ghost converts to its editor's format.
 *
 * <p>The post's slug is the story's: before creating a post the plugin reads the post with that slug and
 * updates it when it exists, so a publish repeated after a crash never makes a second post. The post's
 * footer code injection carries an HTML comment naming the publication's idempotency key, so
 * {@link #lookup} can tell this publication from an earlier one of the same story.
 */
public final class GhostPlugin implements ChannelPlugin {
    public static final String ADMIN_URL = "adminUrl";
    public static final String KEY = "adminApiKey";
    public static final String STATUS = "status";
    private static final String B = PublishException.BUNDLE;
    private static final String API = "/ghost/api/admin/";
    /** Ghost's own limits on these fields. */
    private static final int EXCERPT_MAX = 300;
    private static final int ALT_MAX = 191;
    private static final int TITLE_MAX = 255;

    /** How long one request may take, connection included. */
    private final Duration timeout;

    public GhostPlugin() {
        this(JsonHttp.REQUEST_TIMEOUT);
    }

    /** With another timeout (tests). */
    public GhostPlugin(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("ghost", LocalText.of("Ghost"), Set.of(Channel.WEB))
            .description(LocalText.fromBundle(B, "publish.ghost.description"))
            .icon("fth-feather");
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.required(ADMIN_URL, SettingSpec.Type.URL, LocalText.fromBundle(B, "publish.ghost.url"),
                        LocalText.fromBundle(B, "publish.ghost.url.help")),
                SettingSpec.secret(KEY, LocalText.fromBundle(B, "publish.ghost.key"),
                        LocalText.fromBundle(B, "publish.ghost.key.help")),
                new SettingSpec(STATUS, SettingSpec.Type.CHOICE, false, false, "draft", List.of("draft", "published"),
                        LocalText.fromBundle(B, "publish.ghost.status"),
                        LocalText.fromBundle(B, "publish.ghost.status.help")));
    }

    @Override
    public List<SettingProblem> validate(ChannelSettings settings) {
        List<SettingProblem> problems = new ArrayList<>(ChannelPlugin.super.validate(settings));
        Optional<String> key = settings.get(KEY);
        if (key.isPresent() && !GhostToken.isKey(key.get())) {
            problems.add(new SettingProblem(KEY, LocalText.fromBundle(B, "publish.ghost.badKey")));
        }
        return problems;
    }

    @Override
    public LocalText testConnection(ChannelSettings settings, PublishContext context) throws PublishException {
        Session s = new Session(settings, context);
        JsonNode site = s.json(s.send(s.request("site/").GET())).path("site");
        // The site endpoint answers anyone; reading one post proves the key is accepted.
        s.send(s.request("posts/?limit=1&fields=id").GET());
        String title = site.path("title").asText("");
        if (title.isEmpty()) {
            throw s.http.unexpected();
        }
        return LocalText.fromBundle(B, "publish.ghost.connected", title, site.path("version").asText("?"));
    }

    /** The e-mail figures of posts Ghost sent as a newsletter (see {@link GhostResults}). */
    @Override
    public Optional<org.cristal.publish.spi.ResultsReader> results() {
        return Optional.of(new GhostResults(timeout));
    }

    @Override
    public Optional<PublishResult> lookup(PublishRequest request, PublishContext context) throws PublishException {
        Session s = new Session(request.settings(), context);
        // The post of an earlier publication of the story has the slug too; only this one's marker counts.
        return s.find(WebArticle.of(request).slug())
                .filter(post -> post.path("codeinjection_foot").asText("").contains(marker(request)))
                .map(post -> result(post, 1));
    }

    @Override
    public PublishResult publish(PublishRequest request, PublishContext context) throws PublishException {
        Session s = new Session(request.settings(), context);
        WebArticle article = WebArticle.of(request);
        context.checkCancelled();
        Optional<JsonNode> existing = s.find(article.slug());
        int steps = article.images().size() + (article.hero().isPresent() ? 1 : 0) + 1;
        int done = 0;

        String featureImage = "";
        if (article.hero().isPresent()) {
            featureImage = s.upload(article.hero().get());
            context.progress(++done / (double) steps,
                    LocalText.fromBundle(B, "publish.web.uploading", article.hero().get().fileName()));
        }
        Map<String, String> urls = new LinkedHashMap<>();
        for (String path : article.images().keySet()) {
            context.checkCancelled();
            urls.put(path, s.upload(article.image(path)));
            context.progress(++done / (double) steps, LocalText.fromBundle(B, "publish.web.uploading", path));
        }
        context.checkCancelled();
        ObjectNode post = JsonHttp.MAPPER.createObjectNode();
        post.put("title", cut(article.title(), TITLE_MAX));
        post.put("html", article.htmlWith(urls));
        post.put("custom_excerpt", cut(article.excerpt(), EXCERPT_MAX));
        post.put("status", request.settings().get(STATUS, "draft"));
        post.put("slug", article.slug());
        ArrayNode tags = post.putArray("tags");
        article.tags().forEach(t -> tags.addObject().put("name", t));
        if (!featureImage.isEmpty()) {
            post.put("feature_image", featureImage);
            post.put("feature_image_alt", cut(article.hero().get().alt(), ALT_MAX));
        }
        ObjectNode body = JsonHttp.MAPPER.createObjectNode();
        body.putArray("posts").add(post);
        context.progress(done / (double) steps, LocalText.fromBundle(B, "publish.web.posting"));
        HttpRequest.Builder send;
        String path;
        // The post's footer code injection (an HTML comment there is invisible to readers, and Ghost keeps it
        // as sent, unlike the body) names this publication; whatever the user put there stays.
        String foot = existing.map(e -> e.path("codeinjection_foot").asText("")).orElse("")
                .replaceAll("<!-- cristal:[^>]*-->\\n?", "");
        post.put("codeinjection_foot", foot + marker(request) + "\n");
        if (existing.isPresent()) {
            // Ghost refuses an update that does not name the version it replaces (collision detection).
            post.put("updated_at", existing.get().path("updated_at").asText());
            path = "posts/" + existing.get().path("id").asText() + "/?source=html";
            send = s.request(path).PUT(JsonHttp.body(body));
        } else {
            path = "posts/?source=html";
            send = s.request(path).POST(JsonHttp.body(body));
        }
        JsonNode saved = s.json(s.send(send.header("Content-Type", "application/json"))).path("posts").path(0);
        if (!saved.has("id")) {
            throw s.http.unexpected();
        }
        context.progress(1, null);
        return result(saved, steps);
    }

    /** An HTML comment naming the publication, for {@link #lookup}. */
    static String marker(PublishRequest request) {
        return "<!-- cristal:" + request.idempotencyKey().replaceAll("[^A-Za-z0-9._:-]", "_").replaceAll("-{2,}", "-")
                + " -->";
    }

    private static PublishResult result(JsonNode post, int items) {
        Instant at = Instant.now();
        try {
            String date = post.path("updated_at").asText("");
            if (!date.isEmpty()) {
                at = Instant.parse(date);
            }
        } catch (DateTimeParseException e) {
            // Ghost sends ISO 8601 UTC; anything else still means the post is there.
        }
        return new PublishResult(post.path("id").asText(), post.path("url").asText(""), at, items);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1).strip() + "…";
    }

    /** One call's connection to the site. */
    private final class Session {
        final JsonHttp http;
        final String base;
        final String key;
        final PublishContext context;

        Session(ChannelSettings settings, PublishContext context) throws PublishException {
            String url = settings.require(ADMIN_URL);
            while (url.endsWith("/")) {
                url = url.substring(0, url.length() - 1);
            }
            // People paste the admin screen's address; the API lives beside it.
            if (url.endsWith("/ghost")) {
                url = url.substring(0, url.length() - "/ghost".length());
            }
            this.base = url;
            this.key = settings.require(KEY);
            if (!GhostToken.isKey(key)) {
                throw PublishException.auth(LocalText.fromBundle(B, "publish.ghost.badKey"));
            }
            this.context = context;
            this.http = new JsonHttp("Ghost", timeout, context.clock(), key);
        }

        URI uri(String path) {
            return URI.create(base + API + path);
        }

        /** A fresh token per request: one lives five minutes, a publish with uploads may take longer. */
        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(uri(path))
                    .header("Authorization", "Ghost " + GhostToken.create(key, context.clock().instant()))
                    .header("Accept-Version", "v5.0").header("Accept", "application/json")
                    .header("User-Agent", "Cristal");
        }

        JsonHttp.Response send(HttpRequest.Builder b, int... accepted) throws PublishException {
            return http.send(b, accepted);
        }

        JsonNode json(JsonHttp.Response r) throws PublishException {
            return http.parse(r.body());
        }

        Optional<JsonNode> find(String slug) throws PublishException {
            JsonHttp.Response r = send(request("posts/slug/" + URLEncoder.encode(slug, StandardCharsets.UTF_8)
                    + "/?fields=id,slug,url,updated_at,status,codeinjection_foot").GET(), 404);
            if (r.status() == 404) {
                return Optional.empty();
            }
            JsonNode post = json(r).path("posts").path(0);
            if (!post.has("id")) {
                throw http.unexpected();
            }
            return Optional.of(post);
        }

        /** Uploads an image once per publication (the journal remembers it) and returns its address. */
        String upload(WebArticle.Image image) throws PublishException {
            String journalKey = "ghost.image:" + image.path();
            Optional<String> done = context.journal().get(journalKey);
            if (done.isPresent()) {
                return done.get();
            }
            Multipart form = new Multipart().file("file", image.fileName(), image.mediaType(), image.bytes())
                    .field("purpose", "image").field("ref", image.path());
            JsonNode answer = json(send(request("images/upload/").POST(form.body())
                    .header("Content-Type", form.contentType())));
            String url = answer.path("images").path(0).path("url").asText("");
            if (url.isEmpty()) {
                throw http.unexpected();
            }
            context.journal().put(journalKey, url);
            return url;
        }
    }
}
