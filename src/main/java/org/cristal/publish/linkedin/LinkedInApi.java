package org.cristal.publish.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.cristal.publish.http.JsonHttp;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.OAuthConnect;
import org.cristal.publish.spi.PublishException;

/**
 * One account's calls to LinkedIn's versioned REST API: the bearer token, the {@code LinkedIn-Version} and
 * Rest.li protocol headers on every {@code /rest/} call, and LinkedIn's errors turned into sentences that
 * say what to do (reconnect, add a product to the app, wait for the daily quota).
 */
final class LinkedInApi {
    static final String SERVICE = "LinkedIn";

    private final JsonHttp http;
    private final String base;
    private final String version;
    private final String token;
    private final boolean asPage;
    private final Clock clock;

    LinkedInApi(ChannelSettings settings, Duration timeout, Clock clock) throws PublishException {
        // Not connected yet (or the grant was dropped): the user's next step is the Connect button.
        this.token = settings.get(OAuthConnect.ACCESS_TOKEN)
                .orElseThrow(() -> PublishException.auth(text("publish.linkedin.notConnected")));
        this.base = JsonHttp.base(settings.get(LinkedInPlugin.API, LinkedInPlugin.DEFAULT_API));
        this.version = settings.get(LinkedInPlugin.VERSION, LinkedInPlugin.DEFAULT_VERSION);
        this.asPage = LinkedInPlugin.postsAsPage(settings);
        this.clock = clock;
        this.http = new JsonHttp(SERVICE, timeout, clock, token, settings.get(LinkedInPlugin.CLIENT_SECRET, ""));
    }

    JsonHttp http() {
        return http;
    }

    /** Who the token belongs to (Sign In with LinkedIn using OpenID Connect): {@code sub}, {@code name}. */
    JsonNode userinfo() throws PublishException {
        return json(send(http.request(URI.create(base + "/v2/userinfo")).header("Authorization", "Bearer " + token)
                .GET(), null));
    }

    /** A GET of the versioned API ({@code path} starts with {@code /rest/}). */
    JsonNode get(String path) throws PublishException {
        return json(send(rest(path).GET(), null));
    }

    /**
     * The author's latest posts; a 403 is returned, not thrown: LinkedIn lets few apps read a member's posts
     * ({@code r_member_social}), and the caller says what that means.
     */
    JsonHttp.Response readPosts(String author) throws PublishException {
        JsonHttp.Response r = http.exchange(rest("/rest/posts?author=" + encode(author)
                + "&q=author&count=20&sortBy=LAST_MODIFIED").header("X-RestLi-Method", "FINDER").GET());
        if (r.ok() || r.status() == 403) {
            return r;
        }
        throw failure(r, null);
    }

    /**
     * A post's reactions and comments; 403, 404, 400 and 429 are returned, not thrown, for the results
     * reader to report per post. A refused token throws.
     */
    JsonHttp.Response socialActions(String urn) throws PublishException {
        JsonHttp.Response r = http.exchange(rest("/rest/socialActions/" + encode(urn)).GET());
        if (r.ok() || r.status() == 403 || r.status() == 404 || r.status() == 400 || r.status() == 429) {
            return r;
        }
        throw failure(r, null);
    }

    /** A POST of a JSON body to the versioned API; the answer as it came (LinkedIn says the new id in a header). */
    JsonHttp.Response post(String path, Object body) throws PublishException {
        return send(rest(path).header("Content-Type", "application/json").POST(JsonHttp.body(body)), null);
    }

    /** Like {@link #send} for an image: a refusal of the image itself is a sentence about the image. */
    JsonHttp.Response sendImage(HttpRequest.Builder request, String name) throws PublishException {
        return send(request, name);
    }

    HttpRequest.Builder rest(String path) {
        return http.request(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("LinkedIn-Version", version).header("X-Restli-Protocol-Version", "2.0.0");
    }

    /** The bearer token goes only to LinkedIn itself (or the API address set for tests), never elsewhere. */
    boolean mayCarryToken(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
        return host.equals(URI.create(base).getHost()) || host.equals("linkedin.com") || host.endsWith(".linkedin.com");
    }

    String token() {
        return token;
    }

    static String encode(String urn) {
        return URLEncoder.encode(urn, StandardCharsets.UTF_8);
    }

    /** @param image the image's name when the request carries it, else null */
    private JsonHttp.Response send(HttpRequest.Builder request, String image) throws PublishException {
        JsonHttp.Response r = http.exchange(request);
        if (r.ok()) {
            return r;
        }
        throw failure(r, image);
    }

    private PublishException failure(JsonHttp.Response r, String image) {
        String said = http.serviceText(r.body());
        switch (r.status()) {
            case 401:
                // 60-day tokens, and LinkedIn gives most apps no refresh token: after two months, or once the
                // member revoked the app, only a new Connect helps.
                return PublishException.auth(text("publish.linkedin.expired"));
            case 403:
                return PublishException.auth(text(asPage ? "publish.linkedin.forbiddenPage"
                        : "publish.linkedin.forbiddenMember", said.isEmpty() ? "HTTP 403" : said));
            case 426:
                return PublishException.permanent(text("publish.linkedin.version", version));
            case 429:
                return new PublishException(PublishException.Kind.TRANSIENT, text("publish.linkedin.rateLimited"),
                        retryAfter(r), null);
            default:
                if (image != null && (r.status() == 400 || r.status() == 413 || r.status() == 415 || r.status() == 422)) {
                    return PublishException.permanent(text("publish.linkedin.imageRefused", image,
                            said.isEmpty() ? "HTTP " + r.status() : said));
                }
                return http.failure(r.status(), r.body(), r.header("Retry-After"));
        }
    }

    /**
     * LinkedIn's limits are daily and reset at midnight UTC; its 429 rarely says when to come back. Without a
     * {@code Retry-After}, wait until the quota is new rather than knocking every few minutes all day.
     */
    Duration retryAfter(JsonHttp.Response r) {
        Duration said = JsonHttp.parseRetryAfter(r.header("Retry-After"), clock);
        if (said != null) {
            return said;
        }
        java.time.Instant now = clock.instant();
        java.time.Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        return Duration.between(now, midnight).plusMinutes(1);
    }

    private JsonNode json(JsonHttp.Response r) throws PublishException {
        return r.json(http);
    }

    static LocalText text(String key, Object... args) {
        return LocalText.fromBundle(PublishException.BUNDLE, key, args);
    }
}
