package org.cristal.publish.webpost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.cristal.publish.LocalText;
import org.cristal.publish.PublishException;
import org.cristal.publish.http.RetryAfter;
import org.cristal.publish.http.ServiceText;

/**
 * HTTP for the web publishing plugins: one {@link HttpClient} with the project's timeouts, and every
 * failure turned into a {@link PublishException} a user can act on. A refused connection, a timeout, a
 * 5xx or a 429 may pass ({@link PublishException.Kind#TRANSIENT}, with the service's Retry-After); 401
 * and 403 mean the credentials ({@link PublishException.Kind#AUTH}); any other 4xx is
 * {@link PublishException.Kind#PERMANENT} with the service's own words. Messages name the service and
 * its host, never a credential or a query string.
 */
public final class WebHttp {
    /** JSON for requests and responses. */
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final String B = PublishException.BUNDLE;

    private final String service;
    private final HttpClient client;
    private final Duration requestTimeout;

    /**
     * @param service        the service's name as the user knows it ("WordPress")
     * @param connectTimeout how long to wait for a connection
     * @param requestTimeout how long to wait for each answer
     */
    public WebHttp(String service, Duration connectTimeout, Duration requestTimeout) {
        this.service = service;
        this.requestTimeout = requestTimeout;
        // Redirects are not followed: a POST redirected by 301/302 comes back as a GET (the post would be
        // lost without an error), and the credentials would go to whatever host the redirect names.
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Sends the request and returns the answer when its status is 2xx or one of {@code accepted} (a 404 a
     * lookup expects); throws otherwise.
     */
    public HttpResponse<byte[]> send(HttpRequest.Builder request, Clock clock, int... accepted)
            throws PublishException {
        HttpRequest built = request.timeout(requestTimeout).build();
        String host = host(built.uri());
        HttpResponse<byte[]> response;
        try {
            response = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw PublishException.transientFailure(LocalText.fromBundle(B, "publish.web.timeout", service, host), e);
        } catch (IOException e) {
            throw PublishException.transientFailure(LocalText.fromBundle(B, "publish.web.unreachable", service, host),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PublishException.cancelled();
        }
        int status = response.statusCode();
        if ((status >= 200 && status < 300) || Arrays.stream(accepted).anyMatch(a -> a == status)) {
            return response;
        }
        if (status >= 300 && status < 400) {
            String to = response.headers().firstValue("Location").map(l -> {
                URI moved = built.uri().resolve(l.strip());
                return moved.getScheme() + "://" + host(moved) + (moved.getRawPath() == null ? "" : moved.getRawPath());
            }).orElse("?");
            throw PublishException.permanent(LocalText.fromBundle(B, "publish.web.moved", service, host, to));
        }
        String detail = detail(response.body());
        if (status == 401 || status == 403) {
            throw PublishException.auth(LocalText.fromBundle(B, "publish.web.auth", service, status, detail));
        }
        if (status == 429) {
            throw new PublishException(PublishException.Kind.TRANSIENT,
                    LocalText.fromBundle(B, "publish.web.rateLimited", service),
                    retryAfter(response.headers().firstValue("Retry-After").orElse(""), clock), null);
        }
        if (status >= 500) {
            throw new PublishException(PublishException.Kind.TRANSIENT,
                    LocalText.fromBundle(B, "publish.web.serverError", service, status),
                    retryAfter(response.headers().firstValue("Retry-After").orElse(""), clock), null);
        }
        throw PublishException.permanent(LocalText.fromBundle(B, "publish.web.refused", service, status, detail));
    }

    /** The answer's JSON; PERMANENT when it is not JSON (a login page, a proxy's error page: a wrong address). */
    public JsonNode json(HttpResponse<byte[]> response) throws PublishException {
        try {
            JsonNode node = JSON.readTree(response.body());
            if (node == null || node.isMissingNode()) {
                throw new IOException("empty");
            }
            return node;
        } catch (IOException e) {
            throw badResponse(response.uri());
        }
    }

    /** The service answered, but not with what its API documents. */
    public PublishException badResponse(URI uri) {
        return PublishException.permanent(LocalText.fromBundle(B, "publish.web.badResponse", service, host(uri)));
    }

    /** A JSON body for a request. */
    public static HttpRequest.BodyPublisher body(Object json) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Host and port only: a message never shows a path, a query string or credentials. */
    static String host(URI uri) {
        return ServiceText.where(uri);
    }

    /** The service's own explanation, quoted, or "" (see {@link ServiceText}). */
    static String detail(byte[] body) {
        String text = ServiceText.of(body, java.util.List.of());
        return text.isEmpty() ? "" : "“" + text + "”";
    }

    /** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value, Clock clock) {
        return RetryAfter.parse(value, clock.instant());
    }
}
