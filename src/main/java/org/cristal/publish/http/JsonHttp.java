package org.cristal.publish.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;

/**
 * A small JSON-over-HTTP client for plugins that talk to a web service (Mastodon, Bluesky, X …): timeouts
 * on every call, and every failure turned into a {@link PublishException} the outbox knows what to do
 * with. Connection trouble, timeouts, 5xx and 429 (with its {@code Retry-After}) are transient; 401 and 403
 * are the account's credentials; other 4xx are permanent and carry the service's own explanation.
 *
 * <p>Secrets given to the constructor are blanked out of any text the service sends back before it
 * reaches a message, so a token echoed in an error never reaches the user's screen or a log. Messages name
 * the service and its host:port, never a path or a query string. Redirects are not followed (a redirected
 * POST would come back as a GET and the credentials would go to another host): a 3xx is a permanent
 * failure naming the new address. The one HTTP client of the built-in plugins (social and web ones);
 * {@link Multipart}, {@link RetryAfter} and {@link ServiceText} are shared with the webhook.
 */
public final class JsonHttp {
    /** Shared by plugins to read and write the services' JSON. */
    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_SERVICE_TEXT = 300;
    /** One client (a selector thread, a connection pool) per connect timeout, shared by every call. */
    private static final Map<Duration, HttpClient> CLIENTS = new java.util.concurrent.ConcurrentHashMap<>();

    private final String service;
    private final HttpClient client;
    private final Duration timeout;
    private final List<String> secrets;
    private final Clock clock;

    /**
     * @param service the service's name as the user knows it, for messages ("Mastodon")
     * @param timeout how long one request may take, connection included
     * @param clock   to turn a {@code Retry-After} date into a delay
     * @param secrets values never to repeat in a message (tokens, passwords)
     */
    public JsonHttp(String service, Duration timeout, Clock clock, String... secrets) {
        this.service = Objects.requireNonNull(service);
        this.timeout = Objects.requireNonNull(timeout);
        this.clock = Objects.requireNonNull(clock);
        this.secrets = new ArrayList<>();
        for (String s : secrets) {
            if (s != null && !s.isBlank()) {
                this.secrets.add(s);
            }
        }
        Duration connect = timeout.compareTo(CONNECT_TIMEOUT) < 0 ? timeout : CONNECT_TIMEOUT;
        this.client = CLIENTS.computeIfAbsent(connect, c -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(c)
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** An HTTP answer. */
    public record Response(int status, byte[] body, Map<String, List<String>> headers) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The first value of a header (any case), or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        /** The service's error code in an error body ({@code "error": "RecordNotFound"}), or "". */
        public String errorCode() {
            try {
                JsonNode json = MAPPER.readTree(body);
                return json != null ? json.path("error").asText("") : "";
            } catch (IOException e) {
                return "";
            }
        }

        /** The body as JSON; {@link PublishException} (permanent) when it is not. */
        public JsonNode json(JsonHttp http) throws PublishException {
            return http.parse(body);
        }
    }

    /** A request builder for {@code uri} with this client's timeout and {@code Accept: application/json}. */
    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .header("User-Agent", "Cristal");
    }

    /** GET returning JSON. */
    public JsonNode get(URI uri, String bearer) throws PublishException {
        return parse(send(withAuth(request(uri).GET(), bearer)).body());
    }

    /** POST of a JSON body returning JSON. */
    public JsonNode postJson(URI uri, String bearer, Object body, Map<String, String> headers)
            throws PublishException {
        HttpRequest.Builder b = withAuth(request(uri), bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return parse(send(b).body());
    }

    /**
     * Sends the request; a transport failure, or an answer neither 2xx nor one of {@code accepted} (a 404 a
     * lookup expects), becomes a {@link PublishException}.
     */
    public Response send(HttpRequest.Builder builder, int... accepted) throws PublishException {
        Response r = exchange(builder);
        if (r.ok() || java.util.Arrays.stream(accepted).anyMatch(a -> a == r.status())) {
            return r;
        }
        throw failure(r.status(), r.body(), r.header("Retry-After"));
    }

    /**
     * Sends the request and returns the answer whatever its status, for a caller that expects some errors
     * (a 404 meaning "not there yet"); only a transport failure throws.
     */
    public Response exchange(HttpRequest.Builder builder) throws PublishException {
        HttpRequest request = builder.timeout(timeout).build();
        String where = ServiceText.where(request.uri());
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw PublishException.transientFailure(text("publish.http.unreachable", service, where), e);
        } catch (HttpTimeoutException e) {
            throw PublishException.transientFailure(
                    text("publish.http.timeout", service, where, Math.max(1, timeout.toSeconds())), e);
        } catch (IOException e) {
            throw PublishException.transientFailure(text("publish.http.dropped", service, where), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PublishException.cancelled();
        }
        int status = response.statusCode();
        if (status >= 300 && status < 400 && status != 304) {
            // Redirects are not followed: a redirected POST comes back as a GET (the post lost without an
            // error) and the token would go to whatever host the redirect names. The user updates the address.
            String to = response.headers().firstValue("Location").map(l -> {
                URI moved = request.uri().resolve(l.strip());
                return moved.getScheme() + "://" + ServiceText.where(moved)
                        + (moved.getRawPath() == null ? "" : moved.getRawPath());
            }).orElse("?");
            throw PublishException.permanent(text("publish.web.moved", service, where, to));
        }
        return new Response(status, response.body(), response.headers().map());
    }

    /** The exception for an HTTP error answer, by the rules in the class comment. */
    public PublishException failure(int status, byte[] body, String retryAfter) {
        String said = serviceText(body);
        if (status == 429) {
            return new PublishException(PublishException.Kind.TRANSIENT, text("publish.http.rateLimited", service),
                    parseRetryAfter(retryAfter, clock), null);
        }
        if (status >= 500) {
            return new PublishException(PublishException.Kind.TRANSIENT, text("publish.http.server", service, status),
                    parseRetryAfter(retryAfter, clock), null);
        }
        if (status == 401 || status == 403) {
            return PublishException.auth(said.isEmpty() ? text("publish.http.auth", service, status)
                    : text("publish.http.authSaid", service, status, said));
        }
        return PublishException.permanent(said.isEmpty() ? text("publish.http.refused", service, status)
                : text("publish.http.refusedSaid", service, status, said));
    }

    /** The service's own explanation in an error body, secrets blanked, or "" (see {@link ServiceText}). */
    public String serviceText(byte[] body) {
        return ServiceText.of(body, secrets);
    }

    /** Parses a JSON answer; an answer that is not JSON is a permanent failure with a clear message. */
    public JsonNode parse(byte[] body) throws PublishException {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw unexpected();
            }
            return node;
        } catch (IOException e) {
            throw unexpected();
        }
    }

    /** The failure for an answer without what the service documents ("no id in the status"). */
    public PublishException unexpected() {
        return PublishException.permanent(text("publish.http.unexpected", service));
    }

    /** A required text field of an answer, or {@link #unexpected()}. */
    public String field(JsonNode node, String name) throws PublishException {
        JsonNode v = node.path(name);
        if (!v.isTextual() && !v.isNumber() || v.asText().isBlank()) {
            throw unexpected();
        }
        return v.asText();
    }

    /** A JSON request body. */
    public static HttpRequest.BodyPublisher body(Object value) {
        return HttpRequest.BodyPublishers.ofString(write(value), StandardCharsets.UTF_8);
    }

    /** JSON text of a value (a map, a Jackson node). */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The delay an HTTP {@code Retry-After} asks for (see {@link RetryAfter}); null when absent or unreadable. */
    public static Duration parseRetryAfter(String header, Clock clock) {
        return RetryAfter.parse(header, clock.instant());
    }

    /** The base URL a user typed ("https://piaille.fr/") without its trailing slashes. */
    public static String base(String url) {
        String b = url.strip();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return b;
    }

    private static HttpRequest.Builder withAuth(HttpRequest.Builder b, String bearer) {
        return bearer == null ? b : b.header("Authorization", "Bearer " + bearer);
    }

    private static LocalText text(String key, Object... args) {
        return LocalText.fromBundle(PublishException.BUNDLE, key, args);
    }
}
