package org.cristal.publish.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Flow;
import org.cristal.publish.spi.PublishException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonHttpTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-14T09:30:00Z"), ZoneOffset.UTC);
    private static final String SECRET = "s3cr3t-token-value";
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A server answering every request with {@code status}, {@code headers} and {@code body}. */
    private URI serve(int status, String body, Map<String, String> headers) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            headers.forEach(ex.getResponseHeaders()::add);
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
    }

    private PublishException failOn(int status, String body, Map<String, String> headers) throws Exception {
        URI uri = serve(status, body, headers);
        JsonHttp http = new JsonHttp("Mastodon", Duration.ofSeconds(2), CLOCK, SECRET);
        return assertThrows(PublishException.class, () -> http.get(uri, SECRET));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertEquals(Duration.ofSeconds(7), JsonHttp.parseRetryAfter("7", CLOCK));
        assertEquals(Duration.ofSeconds(90), JsonHttp.parseRetryAfter("Sat, 14 Mar 2026 09:31:30 GMT", CLOCK));
        assertEquals(Duration.ZERO, JsonHttp.parseRetryAfter("Sat, 14 Mar 2026 09:00:00 GMT", CLOCK));
        assertNull(JsonHttp.parseRetryAfter("soon", CLOCK));
        assertNull(JsonHttp.parseRetryAfter(null, CLOCK));
    }

    @Test
    void aRedirectIsNotFollowedWithTheTokenAndTheUserHearsTheNewAddress() throws Exception {
        PublishException e = failOn(301, "", Map.of("Location", "https://elsewhere.example:8443/api/v1?token=" + SECRET));
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).contains("has moved to https://elsewhere.example:8443/api/v1."),
                e.message(Locale.ENGLISH));
        assertFalse(e.message(Locale.ENGLISH).contains(SECRET), "a query string is never shown");
    }

    @Test
    void rateLimitedIsTransientWithTheDelayAsked() throws Exception {
        PublishException e = failOn(429, "{\"error\":\"Too many requests\"}", Map.of("Retry-After", "7"));
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
    }

    @Test
    void serverErrorsAreTransient() throws Exception {
        PublishException e = failOn(503, "<html>Bad gateway</html>", Map.of());
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertEquals("Mastodon had a problem (HTTP 503).", e.message(Locale.ENGLISH));
    }

    @Test
    void refusedCredentialsAreAuthWithTheServicesWordsAndNoSecret() throws Exception {
        PublishException e = failOn(401, "{\"error\":\"The access token " + SECRET + " is invalid\"}", Map.of());
        assertEquals(PublishException.Kind.AUTH, e.kind());
        assertTrue(e.message(Locale.FRENCH).contains("The access token ••• is invalid"), e.message(Locale.FRENCH));
        assertFalse(e.getMessage().contains(SECRET));
        assertEquals(PublishException.Kind.AUTH, failOn403());
    }

    private PublishException.Kind failOn403() throws Exception {
        stop();
        return failOn(403, "{\"error\":\"This action is outside the authorized scopes\"}", Map.of()).kind();
    }

    @Test
    void otherClientErrorsArePermanentAndSayWhatTheServiceSaid() throws Exception {
        PublishException e = failOn(422, "{\"error\":\"Validation failed: Text character limit of 500 exceeded\"}",
                Map.of());
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertEquals("Mastodon refused the post (HTTP 422): “Validation failed: Text character limit of 500 "
                + "exceeded”", e.message(Locale.ENGLISH));
    }

    @Test
    void problemDetailsAndErrorListsAreReadToo() {
        JsonHttp http = new JsonHttp("X", Duration.ofSeconds(1), CLOCK);
        assertEquals("Unauthorized", http.serviceText("{\"title\":\"Unauthorized\",\"detail\":\"Unauthorized\"}"
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals("Invalid post", http.serviceText("{\"errors\":[{\"message\":\"Invalid post\"}]}"
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals("", http.serviceText("<html>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anAnswerThatIsNotJsonIsPermanentWithAClearMessage() throws Exception {
        URI uri = serve(200, "<html>Welcome to nginx</html>", Map.of());
        JsonHttp http = new JsonHttp("Mastodon", Duration.ofSeconds(2), CLOCK);
        PublishException e = assertThrows(PublishException.class, () -> http.get(uri, null));
        assertEquals(PublishException.Kind.PERMANENT, e.kind());
        assertTrue(e.message(Locale.FRENCH).contains("ne comprend pas"), e.message(Locale.FRENCH));
    }

    @Test
    void aServerThatIsNotThereIsTransient() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        JsonHttp http = new JsonHttp("Bluesky", Duration.ofSeconds(2), CLOCK);
        PublishException e = assertThrows(PublishException.class,
                () -> http.get(URI.create("http://127.0.0.1:" + port + "/xrpc"), null));
        assertEquals(PublishException.Kind.TRANSIENT, e.kind());
        assertTrue(e.message(Locale.ENGLISH).startsWith("Cannot reach Bluesky"), e.message(Locale.ENGLISH));
    }

    @Test
    void multipartBodiesParseAsRealMime() throws Exception {
        byte[] image = {(byte) 0xFF, (byte) 0xD8, 0, 13, 10, 45, 45, (byte) 0xFF, (byte) 0xD9};
        Multipart form = new Multipart().file("file", "hero \"levain\".jpg", "image/jpeg", image)
                .field("description", "Une miche posée sur une planche 🍞");
        MimeMultipart parsed = new MimeMultipart(new ByteArrayDataSource(bytes(form.body()), form.contentType()));
        assertEquals(2, parsed.getCount());
        // A quote in a file name is percent-encoded, as browsers send it (the WHATWG form rules), which
        // every server's parser reads; a backslash escape is not understood by all.
        assertTrue(parsed.getBodyPart(0).getHeader("Content-Disposition")[0].contains("filename=\"hero %22levain%22.jpg\""));
        assertEquals("image/jpeg", parsed.getBodyPart(0).getContentType());
        assertEquals(ByteBuffer.wrap(image), ByteBuffer.wrap(parsed.getBodyPart(0).getInputStream().readAllBytes()));
        assertEquals("Une miche posée sur une planche 🍞",
                new String(parsed.getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static byte[] bytes(HttpRequest.BodyPublisher publisher) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] b = new byte[item.remaining()];
                item.get(b);
                out.writeBytes(b);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.get(5, java.util.concurrent.TimeUnit.SECONDS);
        return out.toByteArray();
    }
}
