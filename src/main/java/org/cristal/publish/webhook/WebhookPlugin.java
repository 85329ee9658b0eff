package org.cristal.publish.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cristal.publish.http.RetryAfter;
import org.cristal.publish.http.ServiceText;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PluginDescriptor;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.spi.SettingSpec;
import org.cristal.story.Channel;

/**
 * Posts the story, rendered for every channel, as one signed JSON document to a URL the user chooses:
 * the way to connect Cristal to anything (Zapier, n8n, a CMS's own hook, a script).
 *
 * <p>Each request carries {@code X-Cristal-Timestamp} (Unix seconds), {@code X-Cristal-Signature:
 * sha256=<hex>} = HMAC-SHA256 with the shared secret over {@code timestamp + "." + body}, and an
 * {@code Idempotency-Key} that is the same on every attempt of one publication. A receiver recomputes the
 * signature over the raw body, compares in constant time, refuses timestamps more than five minutes away
 * (replays), and treats a second request with a key it has seen as the first (see docs/publishing.md).
 * So {@link #lookup} keeps the default: after a crash Cristal sends again with the same key.
 */
public final class WebhookPlugin implements ChannelPlugin {
    public static final String ID = "webhook";
    static final String URL = "url";
    static final String SECRET = "secret";
    static final String INCLUDE_PDF = "includePdf";
    static final String TIMEOUT = "timeoutSeconds";
    private static final String BUNDLE = PublishException.BUNDLE;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, LocalText.fromBundle(BUNDLE, "publish.webhook.name"), Set.of(Channel.WEB,
                Channel.EMAIL, Channel.SOCIAL, Channel.BROCHURE))
            .description(LocalText.fromBundle(BUNDLE, "publish.webhook.description"))
            .icon("fth-link")
            // Receivers are asked to keep the keys they accepted for a day (docs/publishing.md).
            .keyMemory(Duration.ofDays(1));
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                SettingSpec.required(URL, SettingSpec.Type.URL, text("publish.webhook.url"),
                        text("publish.webhook.url.help")),
                SettingSpec.secret(SECRET, text("publish.webhook.secret"), text("publish.webhook.secret.help")),
                SettingSpec.optional(INCLUDE_PDF, SettingSpec.Type.BOOLEAN, "true",
                        text("publish.webhook.includePdf"), text("publish.webhook.includePdf.help")),
                SettingSpec.optional(TIMEOUT, SettingSpec.Type.INTEGER, "30", text("publish.webhook.timeout"),
                        text("publish.webhook.timeout.help")));
    }

    @Override
    public LocalText testConnection(ChannelSettings settings, PublishContext context) throws PublishException {
        String body = "{\"event\":\"ping\"}";
        HttpResponse<String> r = post(settings, context, "ping", body, "ping-" + context.clock().millis());
        return LocalText.fromBundle(BUNDLE, "publish.webhook.connected", host(settings), r.statusCode());
    }

    @Override
    public PublishResult publish(PublishRequest request, PublishContext context) throws PublishException {
        context.checkCancelled();
        context.progress(-1, null);
        String body = WebhookDocument.json(request, request.settings().getBoolean(INCLUDE_PDF, true));
        // A transient failure is retried by the outbox, which says so ("Cristal will try again").
        HttpResponse<String> r = post(request.settings(), context, "story.published", body, request.idempotencyKey());
        context.progress(1, null);
        String remoteId = "";
        String url = request.renditions().web() == null ? "" : request.renditions().web().body().entry().url();
        try {
            JsonNode answer = r.body().isBlank() ? null : JSON.readTree(r.body());
            if (answer != null && answer.hasNonNull("id")) {
                remoteId = answer.get("id").asText();
            }
            if (answer != null && answer.hasNonNull("url")) {
                url = answer.get("url").asText();
            }
        } catch (IOException e) {
            // A receiver may answer 200 with no JSON: it took the story, which is all that matters.
        }
        return new PublishResult(remoteId, url, context.clock().instant(), 1);
    }

    private HttpResponse<String> post(ChannelSettings settings, PublishContext context, String event, String body,
            String idempotencyKey) throws PublishException {
        URI uri = URI.create(settings.require(URL));
        int timeout = Math.max(1, settings.getInt(TIMEOUT, 30));
        String timestamp = Long.toString(context.clock().instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(timeout))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Cristal")
                .header("X-Cristal-Event", event)
                .header("X-Cristal-Timestamp", timestamp)
                .header("X-Cristal-Signature", "sha256=" + Signature.sign(settings.require(SECRET), timestamp, body))
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(Math.min(10, timeout)))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw PublishException.transientFailure(text("publish.webhook.timedOut", where(uri), timeout), e);
        } catch (IOException e) {
            throw PublishException.transientFailure(text("publish.webhook.unreachable", where(uri)), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PublishException.cancelled();
        }
        return check(response, where(uri), context.clock().instant(), List.of(settings.require(SECRET)));
    }

    private static HttpResponse<String> check(HttpResponse<String> r, String host, Instant now, List<String> secrets)
            throws PublishException {
        int code = r.statusCode();
        if (code >= 200 && code < 300) {
            return r;
        }
        if (code == 429 || code >= 500) {
            Duration after = RetryAfter.parse(r.headers().firstValue("Retry-After").orElse(null), now);
            LocalText t = code == 429 ? text("publish.webhook.rateLimited", host)
                    : text("publish.webhook.serverError", host, code);
            return throwTransient(t, after);
        }
        if (code == 401 || code == 403) {
            throw PublishException.auth(text("publish.webhook.auth", host, code));
        }
        String detail = ServiceText.of(r.body().getBytes(StandardCharsets.UTF_8), secrets);
        throw PublishException.permanent(!detail.isEmpty()
                ? text("publish.webhook.refusedWith", host, code, detail)
                : text("publish.webhook.refused", host, code));
    }

    private static <T> T throwTransient(LocalText t, Duration after) throws PublishException {
        throw new PublishException(PublishException.Kind.TRANSIENT, t, after, null);
    }

    private static String host(ChannelSettings settings) {
        return settings.get(URL).map(u -> where(URI.create(u))).orElse("");
    }

    /** Host and port as the user typed them: never the path or query, which may carry a token. */
    private static String where(URI uri) {
        return ServiceText.where(uri);
    }

    private static LocalText text(String key, Object... args) {
        return LocalText.fromBundle(BUNDLE, key, args);
    }
}
