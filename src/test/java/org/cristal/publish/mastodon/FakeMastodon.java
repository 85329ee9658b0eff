package org.cristal.publish.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.cristal.publish.social.FakeService;

/**
 * A Mastodon instance on loopback, as docs.joinmastodon.org describes it: bearer tokens,
 * {@code verify_credentials}, {@code POST /api/v2/media} (multipart, 202 while processing, then
 * {@code GET /api/v1/media/:id} 206 until ready) and {@code POST /api/v1/statuses} with
 * {@code Idempotency-Key} (a repeated key gets the status it created, not a new one, until the keys are
 * {@linkplain #forgetKeys() forgotten}, as Mastodon does after an hour), and the account's latest statuses.
 */
public final class FakeMastodon extends FakeService {
    static final String TOKEN = "tok-9f8e7d6c5b4a";
    static final String STATUSES = "POST /api/v1/statuses";
    static final String MEDIA = "POST /api/v2/media";

    /** A status created: its id and the JSON the client sent. */
    record Status(String id, JsonNode request, String idempotencyKey, java.time.Instant createdAt) {
        String text() {
            return request.path("status").asText();
        }

        String inReplyTo() {
            return request.path("in_reply_to_id").asText(null);
        }
    }

    /** An image received: its description (alt text) and size. */
    record Upload(String id, String description, String mediaType, int bytes) {
    }

    final List<Status> statuses = Collections.synchronizedList(new ArrayList<>());
    final List<Upload> uploads = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Status> byKey = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(109_000);
    /** Whether media uploads answer 202 and need polling. */
    volatile boolean processMediaAsync;
    private final Map<String, Integer> pollsLeft = new ConcurrentHashMap<>();
    /** The server's clock, for created_at (a test moving its publisher's clock sets this one too). */
    volatile java.util.function.Supplier<java.time.Instant> now = java.time.Instant::now;

    /** Apps registered through {@code POST /api/v1/apps}, and the tokens their Connect granted. */
    final MastodonOAuth oauth = new MastodonOAuth();

    /** A body as Mastodon takes it: JSON or a form. */
    static final java.util.function.BiFunction<HttpExchange, byte[], Map<String, String>> JSON_OR_FORM = (ex, body) -> {
        String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
        if (!type.startsWith("application/json")) {
            return MastodonOAuth.decode(new String(body, StandardCharsets.UTF_8));
        }
        Map<String, String> m = new java.util.HashMap<>();
        try {
            json(body).fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        } catch (IOException e) {
            // an empty map: refused as incomplete
        }
        return m;
    };

    /** What Mastodon does an hour after a status was created: a repeated key now makes a new status. */
    void forgetKeys() {
        byKey.clear();
    }

    @Override
    protected Answer handle(HttpExchange ex, String endpoint, byte[] body) throws IOException {
        Answer oauthAnswer = oauth.handle(ex, endpoint, body);
        if (oauthAnswer != null) {
            return oauthAnswer;
        }
        String bearer = ex.getRequestHeaders().getFirst("Authorization");
        if (!("Bearer " + TOKEN).equals(bearer) && !oauth.accepts(bearer)) {
            return new Answer(401, unauthorizedBody());
        }
        if (endpoint.equals("GET /api/v1/accounts/verify_credentials")) {
            return Answer.json(200, Map.of("id", "1", "username", "boulangerie", "acct", "boulangerie",
                    "display_name", "Boulangerie Martin"));
        }
        if (endpoint.equals("GET /api/v1/accounts/1/statuses")) {
            List<Map<String, Object>> latest = new ArrayList<>();
            synchronized (statuses) {
                for (int i = statuses.size() - 1; i >= 0 && latest.size() < 40; i--) {
                    latest.add(status(statuses.get(i)));
                }
            }
            return Answer.json(200, latest);
        }
        if (endpoint.equals(MEDIA)) {
            return upload(ex, body);
        }
        if (endpoint.startsWith("GET /api/v1/media/")) {
            String id = endpoint.substring("GET /api/v1/media/".length());
            int left = pollsLeft.merge(id, -1, Integer::sum);
            return Answer.json(left >= 0 ? 206 : 200, media(id, left < 0));
        }
        if (endpoint.equals(STATUSES)) {
            String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
            if (key != null && byKey.containsKey(key)) {
                return Answer.json(200, status(byKey.get(key)));
            }
            JsonNode request = json(body);
            if (request.path("status").asText().isBlank() && !request.has("media_ids")) {
                return Answer.json(422, Map.of("error", "Validation failed: Text can’t be blank"));
            }
            Status s = new Status(String.valueOf(ids.incrementAndGet()), request, key, now.get());
            statuses.add(s);
            if (key != null) {
                byKey.put(key, s);
            }
            return Answer.json(200, status(s));
        }
        return Answer.json(404, Map.of("error", "Record not found"));
    }

    private Answer upload(HttpExchange ex, byte[] body) throws IOException {
        try {
            MimeMultipart form = new MimeMultipart(
                    new ByteArrayDataSource(body, ex.getRequestHeaders().getFirst("Content-Type")));
            String description = null;
            byte[] file = null;
            String type = null;
            for (int i = 0; i < form.getCount(); i++) {
                BodyPart part = form.getBodyPart(i);
                String disposition = part.getHeader("Content-Disposition")[0];
                byte[] bytes = part.getInputStream().readAllBytes();
                if (disposition.contains("name=\"description\"")) {
                    description = new String(bytes, StandardCharsets.UTF_8);
                } else if (disposition.contains("name=\"file\"")) {
                    file = bytes;
                    type = part.getContentType();
                }
            }
            if (file == null) {
                return Answer.json(422, Map.of("error", "Validation failed: File can’t be blank"));
            }
            String id = String.valueOf(ids.incrementAndGet());
            uploads.add(new Upload(id, description, type, file.length));
            if (processMediaAsync) {
                pollsLeft.put(id, 1);
                return Answer.json(202, media(id, false));
            }
            return Answer.json(200, media(id, true));
        } catch (MessagingException e) {
            return Answer.json(422, Map.of("error", "not a multipart body"));
        }
    }

    private Map<String, Object> media(String id, boolean ready) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("type", "image");
        m.put("url", ready ? url() + "/system/media/" + id + ".jpg" : null);
        m.put("preview_url", url() + "/system/media/" + id + "-small.jpg");
        return m;
    }

    private Map<String, Object> status(Status s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("uri", url() + "/users/boulangerie/statuses/" + s.id());
        m.put("url", url() + "/@boulangerie/" + s.id());
        m.put("content", "<p>" + s.text() + "</p>");
        m.put("in_reply_to_id", s.inReplyTo());
        m.put("visibility", s.request().path("visibility").asText("public"));
        m.put("created_at", s.createdAt().toString());
        List<Map<String, Object>> media = new ArrayList<>();
        s.request().path("media_ids").forEach(id -> media.add(media(id.asText(), true)));
        m.put("media_attachments", media);
        return m;
    }

    @Override
    protected String unauthorizedBody() {
        return "{\"error\":\"The access token is invalid\"}";
    }
}
