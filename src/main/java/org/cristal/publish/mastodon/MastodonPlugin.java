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
            .network(Network.MASTODON);
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.required(INSTANCE, SettingSpec.Type.URL,
                        LocalText.of("Instance", "Instance"),
                        LocalText.of("The address of your Mastodon server, e.g. https://piaille.fr",
                                "L’adresse de votre serveur Mastodon, par exemple https://piaille.fr")),
                SettingSpec.secret(TOKEN, LocalText.of("Access token", "Jeton d’accès"),
                        LocalText.of("Preferences › Development › New application, with the write:statuses, "
                                + "write:media and read:accounts scopes; copy “Your access token”.",
                                "Préférences › Développement › Nouvelle application, avec les autorisations "
                                        + "write:statuses, write:media et read:accounts ; copiez « Votre jeton "
                                        + "d’accès ».")),
                new SettingSpec(VISIBILITY, SettingSpec.Type.CHOICE, false, false, "public",
                        List.of("public", "unlisted", "private"), LocalText.of("Visibility", "Visibilité"),
                        LocalText.of("public: everyone; unlisted: not in public timelines; private: followers only.",
                                "public : tout le monde ; unlisted : hors des fils publics ; private : abonnés "
                                        + "seulement.")));
    }

    @Override
    public LocalText testConnection(ChannelSettings settings, PublishContext context) throws PublishException {
        String base = JsonHttp.base(settings.require(INSTANCE));
        String token = settings.require(TOKEN);
        JsonHttp http = new JsonHttp("Mastodon", timeout, context.clock(), token);
        JsonNode account = http.get(URI.create(base + "/api/v1/accounts/verify_credentials"), token);
        String acct = http.field(account, "acct");
        return LocalText.fromBundle(PublishException.BUNDLE, "publish.mastodon.connected", acct,
                URI.create(base).getHost());
    }

    @Override
    public PublishResult publish(PublishRequest request, PublishContext context) throws PublishException {
        SocialThread thread = SocialThread.of(request, Network.MASTODON);
        ChannelSettings settings = request.settings();
        String base = JsonHttp.base(settings.require(INSTANCE));
        String token = settings.require(TOKEN);
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

    /** Uploads the image once (the journal remembers it) and waits until the server has processed it. */
    private String media(JsonHttp http, String base, String token, SocialThread thread, Journal journal,
            PublishContext context) throws PublishException {
        Optional<String> uploaded = journal.get("media");
        if (uploaded.isPresent()) {
            return uploaded.get();
        }
        Asset image = thread.image().orElseThrow();
        Multipart form = new Multipart().file("file", fileName(image.name()), image.mediaType(), image.bytes());
        if (!thread.alt().isEmpty()) {
            form.field("description", thread.alt());
        }
        JsonHttp.Response r = http.send(http.request(URI.create(base + "/api/v2/media"))
                .header("Authorization", "Bearer " + token).header("Content-Type", form.contentType())
                .POST(form.body()));
        String id = http.field(r.json(http), "id");
        if (r.status() == 202) {
            awaitProcessed(http, base, token, id, context);
        }
        journal.put("media", id);
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

    private static String fileName(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return slash >= 0 ? name.substring(slash + 1) : name;
    }
}
