package org.cristal.publish.wordpress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cristal.publish.http.JsonHttp;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PluginDescriptor;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.spi.SettingSpec;
import org.cristal.publish.webpost.WebArticle;
import org.cristal.story.Channel;

/**
 * Publishes a story as a WordPress post through the REST API ({@code /wp-json/wp/v2}), signed in with an
 * application password (Users → Profile → Application Passwords) over HTTP Basic. The hero image becomes
 * the featured image with its alternative text, body images are uploaded to the media library, tags are
 * found or created by name.
 *
 * <p>WordPress takes no idempotency key, so the post's slug is the story's: before creating a post the
 * plugin asks for one with that slug in any status, and updates it when it exists. A publish repeated
 * after a crash therefore updates the post instead of making a second one. The post's content ends with
 * an HTML comment naming the publication's idempotency key, so {@link #lookup} can tell this
 * publication from an earlier one of the same story.
 */
public final class WordPressPlugin implements ChannelPlugin {
    public static final String SITE = "site";
    public static final String USER = "user";
    public static final String PASSWORD = "applicationPassword";
    public static final String STATUS = "status";
    public static final String CATEGORY = "category";
    private static final String B = PublishException.BUNDLE;
    private static final String API = "/wp-json/wp/v2/";

    /** How long one request may take, connection included. */
    private final Duration timeout;

    public WordPressPlugin() {
        this(JsonHttp.REQUEST_TIMEOUT);
    }

    /** With another timeout (tests). */
    public WordPressPlugin(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("wordpress", LocalText.of("WordPress"), Set.of(Channel.WEB))
            .description(LocalText.fromBundle(B, "publish.wordpress.description"))
            .icon("fth-globe");
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.required(SITE, SettingSpec.Type.URL, LocalText.fromBundle(B, "publish.wordpress.site"),
                        LocalText.fromBundle(B, "publish.wordpress.site.help")),
                SettingSpec.required(USER, SettingSpec.Type.TEXT, LocalText.fromBundle(B, "publish.wordpress.user"),
                        LocalText.fromBundle(B, "publish.wordpress.user.help")),
                SettingSpec.secret(PASSWORD, LocalText.fromBundle(B, "publish.wordpress.password"),
                        LocalText.fromBundle(B, "publish.wordpress.password.help")),
                new SettingSpec(STATUS, SettingSpec.Type.CHOICE, false, false, "draft", List.of("draft", "publish"),
                        LocalText.fromBundle(B, "publish.wordpress.status"),
                        LocalText.fromBundle(B, "publish.wordpress.status.help")),
                SettingSpec.optional(CATEGORY, SettingSpec.Type.TEXT, "",
                        LocalText.fromBundle(B, "publish.wordpress.category"),
                        LocalText.fromBundle(B, "publish.wordpress.category.help")));
    }

    @Override
    public LocalText testConnection(ChannelSettings settings, PublishContext context) throws PublishException {
        Session s = new Session(settings, context);
        JsonNode me = s.json(s.get("users/me?context=edit"));
        String name = me.path("name").asText(me.path("slug").asText(""));
        if (!me.has("id")) {
            throw s.http.unexpected();
        }
        return LocalText.fromBundle(B, "publish.wordpress.connected", URI.create(s.base).getHost(), name);
    }

    /** Approved comments of each post it published (see {@link WordPressResults}). */
    @Override
    public Optional<org.cristal.publish.spi.ResultsReader> results() {
        return Optional.of(new WordPressResults(timeout));
    }

    @Override
    public Optional<PublishResult> lookup(PublishRequest request, PublishContext context) throws PublishException {
        Session s = new Session(request.settings(), context);
        // The post of an earlier publication of the story has the slug too; only this one's marker counts.
        return s.find(WebArticle.of(request).slug())
                .filter(post -> post.path("content").path("raw").asText("").contains(marker(request)))
                .map(post -> result(post, 1));
    }

    @Override
    public PublishResult publish(PublishRequest request, PublishContext context) throws PublishException {
        Session s = new Session(request.settings(), context);
        WebArticle article = WebArticle.of(request);
        context.checkCancelled();
        Optional<JsonNode> existing = s.find(article.slug());
        int steps = article.images().size() + (article.hero().isPresent() ? 1 : 0) + article.tags().size() + 1;
        int done = 0;

        long featured = 0;
        if (article.hero().isPresent()) {
            WebArticle.Image hero = article.hero().get();
            featured = s.upload(hero).id();
            context.progress(++done / (double) steps, LocalText.fromBundle(B, "publish.web.uploading",
                    hero.fileName()));
        }
        Map<String, String> urls = new LinkedHashMap<>();
        for (String path : article.images().keySet()) {
            context.checkCancelled();
            urls.put(path, s.upload(article.image(path)).url());
            context.progress(++done / (double) steps, LocalText.fromBundle(B, "publish.web.uploading", path));
        }
        ArrayNode tags = JsonHttp.MAPPER.createArrayNode();
        for (String tag : article.tags()) {
            context.checkCancelled();
            tags.add(s.tag(tag));
            ++done;
        }
        context.checkCancelled();
        ObjectNode post = JsonHttp.MAPPER.createObjectNode();
        post.put("title", article.title());
        post.put("content", article.htmlWith(urls) + "\n" + marker(request));
        post.put("excerpt", article.excerpt());
        post.put("status", request.settings().get(STATUS, "draft"));
        post.put("slug", article.slug());
        post.set("tags", tags);
        Optional<String> category = request.settings().get(CATEGORY);
        if (category.isPresent()) {
            post.putArray("categories").add(s.category(category.get()));
        }
        if (featured > 0) {
            post.put("featured_media", featured);
        }
        context.progress(done / (double) steps, LocalText.fromBundle(B, "publish.web.posting"));
        String path = existing.map(e -> "posts/" + e.path("id").asLong()).orElse("posts");
        JsonNode saved = s.json(s.send(s.request(path).POST(JsonHttp.body(post))
                .header("Content-Type", "application/json")));
        if (!saved.has("id")) {
            throw s.http.unexpected();
        }
        context.progress(1, null);
        return result(saved, steps);
    }

    /**
     * An HTML comment naming the publication, invisible to readers, that WordPress keeps in the post's raw
     * content: it tells {@link #lookup} whether the post with the story's slug is this publication's.
     */
    static String marker(PublishRequest request) {
        return "<!-- cristal:" + request.idempotencyKey().replaceAll("[^A-Za-z0-9._:-]", "_").replaceAll("-{2,}", "-")
                + " -->";
    }

    private static PublishResult result(JsonNode post, int items) {
        Instant at = Instant.now();
        String date = post.path("modified_gmt").asText(post.path("date_gmt").asText(""));
        try {
            if (!date.isEmpty()) {
                at = LocalDateTime.parse(date).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            // WordPress always sends it; a site that does not still published the post.
        }
        return new PublishResult(post.path("id").asText(), post.path("link").asText(""), at, items);
    }

    /** An uploaded media item. */
    private record Media(long id, String url) {
    }

    /** One call's connection to the site. */
    private final class Session {
        final JsonHttp http;
        final String base;
        final String authorization;
        final PublishContext context;

        Session(ChannelSettings settings, PublishContext context) throws PublishException {
            String site = settings.require(SITE);
            while (site.endsWith("/")) {
                site = site.substring(0, site.length() - 1);
            }
            this.base = site;
            // Application passwords are shown with spaces; WordPress accepts them either way.
            String credentials = settings.require(USER) + ":" + settings.require(PASSWORD);
            this.authorization = "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
            this.context = context;
            this.http = new JsonHttp("WordPress", timeout, context.clock(), settings.require(PASSWORD));
        }

        URI uri(String path) {
            return URI.create(base + API + path);
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(uri(path)).header("Authorization", authorization)
                    .header("Accept", "application/json").header("User-Agent", "Cristal");
        }

        JsonHttp.Response get(String path) throws PublishException {
            return send(request(path).GET());
        }

        JsonHttp.Response send(HttpRequest.Builder b, int... accepted) throws PublishException {
            return http.send(b, accepted);
        }

        JsonNode json(JsonHttp.Response r) throws PublishException {
            return http.parse(r.body());
        }

        Optional<JsonNode> find(String slug) throws PublishException {
            JsonNode list = json(get("posts?slug=" + enc(slug) + "&status=any&context=edit"));
            if (!list.isArray()) {
                throw http.unexpected();
            }
            for (JsonNode post : list) {
                if (slug.equals(post.path("slug").asText())) {
                    return Optional.of(post);
                }
            }
            return Optional.empty();
        }

        /** Uploads an image (once per publication: the journal remembers it) and sets its alternative text. */
        Media upload(WebArticle.Image image) throws PublishException {
            String key = "wordpress.media:" + image.path();
            Optional<String> done = context.journal().get(key);
            if (done.isPresent()) {
                String[] parts = done.get().split(" ", 2);
                return new Media(Long.parseLong(parts[0]), parts[1]);
            }
            JsonNode media = json(send(request("media").POST(HttpRequest.BodyPublishers.ofByteArray(image.bytes()))
                    .header("Content-Type", image.mediaType())
                    .header("Content-Disposition", "attachment; filename=\"" + image.fileName() + "\"")));
            long id = media.path("id").asLong(0);
            if (id <= 0) {
                throw http.unexpected();
            }
            if (!image.alt().isEmpty()) {
                ObjectNode alt = JsonHttp.MAPPER.createObjectNode().put("alt_text", image.alt());
                send(request("media/" + id).POST(JsonHttp.body(alt)).header("Content-Type", "application/json"));
            }
            Media m = new Media(id, media.path("source_url").asText(""));
            context.journal().put(key, m.id() + " " + m.url());
            return m;
        }

        long tag(String name) throws PublishException {
            return term("tags", name, true);
        }

        long category(String name) throws PublishException {
            return term("categories", name, false);
        }

        /** The id of the term with this name, created when missing (tags) or refused (categories). */
        long term(String taxonomy, String name, boolean create) throws PublishException {
            JsonNode list = json(get(taxonomy + "?search=" + enc(name) + "&per_page=100&context=edit"));
            for (JsonNode term : list) {
                if (decode(term.path("name").asText()).equalsIgnoreCase(name)) {
                    return term.path("id").asLong();
                }
            }
            if (!create) {
                throw PublishException.permanent(LocalText.fromBundle(B, "publish.wordpress.noCategory", name));
            }
            ObjectNode body = JsonHttp.MAPPER.createObjectNode().put("name", name);
            JsonHttp.Response r = send(request(taxonomy).POST(JsonHttp.body(body))
                    .header("Content-Type", "application/json"), 400);
            JsonNode created = json(r);
            // Two publishes racing, or a name the search missed: WordPress names the existing term.
            long id = r.status() == 400 ? created.path("data").path("term_id").asLong(0)
                    : created.path("id").asLong(0);
            if (id <= 0) {
                if (r.status() == 400) {
                    throw PublishException.permanent(LocalText.fromBundle(B, "publish.web.refused", "WordPress", 400,
                            "\u201c" + created.path("message").asText("") + "\u201d"));
                }
                throw http.unexpected();
            }
            return id;
        }
    }

    /** WordPress returns term names HTML-escaped ("Caf&eacute; &amp; pain"). */
    private static String decode(String html) {
        return org.jsoup.parser.Parser.unescapeEntities(html, false).strip();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
