package org.cristal.publish.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.StringJoiner;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;

/**
 * Meta's Graph API for the Facebook Page and Instagram plugins: one pinned version, the token in the
 * {@code Authorization} header (never in a URL, which could reach a log), and Graph's error object
 * ({@code error.code}, {@code error_subcode}) turned into what the outbox should do. Graph answers most
 * errors with HTTP 400 whatever their cause, so the code decides, not the status:
 * <ul>
 * <li>190 and 102 (token expired, revoked, password changed), 10 and 200–299 (permission missing): AUTH;
 * <li>4, 17, 32, 613 and 80001–80014 (rate limits): TRANSIENT, after {@code estimated_time_to_regain_access}
 * (minutes) of the {@code X-Business-Use-Case-Usage}/{@code X-Page-Usage} headers, else {@link #RATE_WAIT};
 * <li>1, 2 and 5xx: TRANSIENT; Instagram's publishing limit (2207042): TRANSIENT, an hour;
 * <li>Instagram's 36003 (aspect ratio), 9004 (image not fetchable), JPEG only, other 2207xxx: PERMANENT
 * with a sentence saying what to change.
 * </ul>
 */
public final class Graph {
    /** The Graph API version Cristal was written against; Meta keeps each version about two years. */
    public static final String VERSION = "v21.0";
    public static final String DEFAULT_API = "https://graph.facebook.com";
    /** When a rate limit says nothing of its end: Meta's windows roll over an hour; a few minutes usually do. */
    public static final Duration RATE_WAIT = Duration.ofMinutes(10);
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private final String service;
    private final String base;
    private final JsonHttp http;
    private final Clock clock;

    /**
     * @param service "Facebook", "Instagram": for messages
     * @param api     the API's address ({@link #DEFAULT_API}, or a loopback server in tests)
     * @param secrets tokens and the app secret, blanked from anything the service says back
     */
    public Graph(String service, String api, Duration timeout, Clock clock, String... secrets) {
        this.service = service;
        this.base = JsonHttp.base(api) + "/" + VERSION;
        this.http = new JsonHttp(service, timeout, clock, secrets);
        this.clock = clock;
    }

    /** The API address of an account's {@code api} setting, or the default. */
    public static String api(org.cristal.publish.spi.ChannelSettings settings) {
        return JsonHttp.base(settings.get("api", DEFAULT_API));
    }

    /** GET {@code path} ("me/accounts?fields=id,name") with {@code token}; null for none. */
    public JsonNode get(String path, String token) throws PublishException {
        return answer(http.exchange(auth(http.request(uri(path)), token).GET()));
    }

    /** POST of form fields to {@code path}. */
    public JsonNode post(String path, String token, Map<String, String> form) throws PublishException {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
        return answer(http.exchange(auth(http.request(uri(path)), token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))));
    }

    /** POST of a multipart form (a photo's bytes) to {@code path}. */
    public JsonNode post(String path, String token, Multipart form) throws PublishException {
        return answer(http.exchange(auth(http.request(uri(path)), token)
                .header("Content-Type", form.contentType()).POST(form.body())));
    }

    /** A required field of an answer, or the "does not understand" failure. */
    public String field(JsonNode node, String name) throws PublishException {
        return http.field(node, name);
    }

    /** The "does not understand" failure. */
    public PublishException unexpected() {
        return http.unexpected();
    }

    /** A URL query value, encoded. */
    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A Graph time ("2026-11-23T09:00:12+0000", or ISO 8601), or null when unreadable. */
    public static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, GRAPH_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private URI uri(String path) {
        return URI.create(base + "/" + path);
    }

    private static HttpRequest.Builder auth(HttpRequest.Builder b, String token) {
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private JsonNode answer(JsonHttp.Response r) throws PublishException {
        if (r.ok()) {
            return r.json(http);
        }
        throw failure(r);
    }

    /** What an error answer means for the outbox, by the rules of the class comment. */
    PublishException failure(JsonHttp.Response r) {
        JsonNode error;
        try {
            error = JsonHttp.MAPPER.readTree(r.body()).path("error");
        } catch (java.io.IOException | RuntimeException e) {
            error = JsonHttp.MAPPER.missingNode();
        }
        if (!error.isObject() || !error.path("code").canConvertToInt()) {
            return http.failure(r.status(), r.body(), r.header("Retry-After"));
        }
        int code = error.path("code").asInt();
        int sub = error.path("error_subcode").asInt(0);
        String said = http.serviceText(JsonHttp.write(Map.of("message",
                error.path("error_user_msg").asText(error.path("message").asText("")))).getBytes(StandardCharsets.UTF_8));
        if (code == 190 || code == 102) {
            return PublishException.auth(text("publish.meta.tokenRefused", service));
        }
        if (code == 10 || code >= 200 && code <= 299) {
            return PublishException.auth(text("publish.meta.permission", service));
        }
        if (code == 4 || code == 17 || code == 32 || code == 613 || code >= 80001 && code <= 80014) {
            Duration wait = regain(r);
            return new PublishException(PublishException.Kind.TRANSIENT,
                    text("publish.meta.rateLimited", service, Math.max(1, wait.toMinutes())), wait, null);
        }
        if (sub == 2207042) {
            return new PublishException(PublishException.Kind.TRANSIENT, text("publish.instagram.dailyLimit"),
                    Duration.ofHours(1), null);
        }
        if (code == 36003 || sub == 2207009) {
            return PublishException.permanent(text("publish.instagram.aspectRatio"));
        }
        if (code == 9004 || sub == 2207052) {
            return PublishException.permanent(text("publish.instagram.imageUnreachable"));
        }
        if (code == 36001 || sub == 2207026 || sub == 2207004) {
            return PublishException.permanent(text("publish.instagram.jpegOnly"));
        }
        if (code == 506) {
            return PublishException.permanent(text("publish.meta.duplicate", service));
        }
        if (code == 1 || code == 2 || r.status() >= 500 || sub == 2207001 || sub == 2207003) {
            return new PublishException(PublishException.Kind.TRANSIENT, text("publish.http.server", service,
                    r.status()), JsonHttp.parseRetryAfter(r.header("Retry-After"), clock), null);
        }
        return PublishException.permanent(said.isEmpty() ? text("publish.meta.refused", service, code)
                : text("publish.meta.refusedSaid", service, code, said));
    }

    /**
     * The longest {@code estimated_time_to_regain_access} (minutes) any usage header states; {@code X-App-Usage}
     * states none, so then {@link #RATE_WAIT}.
     */
    private static Duration regain(JsonHttp.Response r) {
        long minutes = 0;
        for (String name : new String[] {"X-Business-Use-Case-Usage", "X-Page-Usage", "X-App-Usage"}) {
            String v = r.header(name);
            if (v == null) {
                continue;
            }
            try {
                for (JsonNode n : JsonHttp.MAPPER.readTree(v).findValues("estimated_time_to_regain_access")) {
                    minutes = Math.max(minutes, n.asLong(0));
                }
            } catch (java.io.IOException | RuntimeException e) {
                // A header that is not JSON says nothing usable.
            }
        }
        return minutes > 0 ? Duration.ofMinutes(minutes) : RATE_WAIT;
    }

    private static LocalText text(String key, Object... args) {
        return LocalText.fromBundle(PublishException.BUNDLE, key, args);
    }
}
