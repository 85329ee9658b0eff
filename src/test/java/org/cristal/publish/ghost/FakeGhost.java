package org.cristal.publish.ghost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cristal.publish.webpost.LoopbackServer.Answer;
import org.cristal.publish.webpost.LoopbackServer.Received;
import org.cristal.publish.webpost.LoopbackServer;

/**
 * The parts of Ghost's Admin API (v5) the plugin uses, as Ghost documents them: every request but
 * {@code site/} carries {@code Authorization: Ghost <jwt>}, verified here like Ghost does (HS256 with the
 * key's secret found by {@code kid}, audience {@code /admin/}, at most five minutes); {@code images/upload/}
 * takes multipart form data (parsed with Jakarta Mail's MIME parser); {@code posts/} creates from HTML,
 * {@code posts/slug/<slug>/} reads, {@code posts/<id>/} updates only with the current {@code updated_at}.
 * Errors are Ghost's {@code {"errors":[{"message","type"}]}}.
 */
final class FakeGhost implements LoopbackServer.Service {
    static final String KEY_ID = "6748592f4b9b7700010f6564";
    static final String KEY_SECRET = "b1b5b9c1d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1";
    static final String KEY = KEY_ID + ":" + KEY_SECRET;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern POST_ID = Pattern.compile("/ghost/api/admin/posts/([0-9a-f]{24})/");
    private static final Pattern POST_SLUG = Pattern.compile("/ghost/api/admin/posts/slug/([^/]+)/");

    final Map<String, ObjectNode> posts = new LinkedHashMap<>();
    final Map<String, byte[]> images = new HashMap<>();
    final Map<String, String> imageTypes = new HashMap<>();
    private int next = 1;
    private int version;
    private String base = "";

    FakeGhost base(String url) {
        this.base = url;
        return this;
    }

    @Override
    public synchronized Answer handle(Received r) throws IOException {
        String path = r.path();
        if (r.method().equals("GET") && path.equals("/ghost/api/admin/site/")) {
            ObjectNode site = JSON.createObjectNode();
            site.putObject("site").put("title", "Le journal du fournil").put("url", base + "/").put("version", "5.96");
            return ok(200, site);
        }
        String problem = verify(r.header("Authorization"));
        if (problem != null) {
            return error(401, "UnauthorizedError", problem);
        }
        Matcher bySlug = POST_SLUG.matcher(path);
        Matcher byId = POST_ID.matcher(path);
        if (r.method().equals("GET") && path.equals("/ghost/api/admin/posts/")) {
            ObjectNode out = JSON.createObjectNode();
            posts.values().stream().limit(1).forEach(p -> out.withArray("posts").add(p));
            out.withArray("posts");
            return ok(200, out);
        }
        if (r.method().equals("GET") && bySlug.matches()) {
            return posts.values().stream().filter(p -> p.path("slug").asText().equals(bySlug.group(1))).findFirst()
                    .map(p -> {
                        ObjectNode out = JSON.createObjectNode();
                        out.putArray("posts").add(p);
                        return out;
                    }).map(FakeGhost::okUnchecked).orElseGet(() -> error(404, "NotFoundError", "Post not found."));
        }
        if (r.method().equals("POST") && path.equals("/ghost/api/admin/images/upload/")) {
            return upload(r);
        }
        if (r.method().equals("POST") && path.equals("/ghost/api/admin/posts/")) {
            if (!"source=html".equals(r.query())) {
                return error(422, "ValidationError", "Expected source=html");
            }
            JsonNode in = JSON.readTree(r.body()).path("posts").path(0);
            if (in.path("title").asText().isEmpty()) {
                return error(422, "ValidationError", "Validation (isEmpty) failed for title");
            }
            String id = String.format("%024x", next++);
            ObjectNode post = JSON.createObjectNode().put("id", id);
            apply(post, in);
            posts.put(id, post);
            return ok(201, wrap(post));
        }
        if (r.method().equals("PUT") && byId.matches()) {
            ObjectNode post = posts.get(byId.group(1));
            if (post == null) {
                return error(404, "NotFoundError", "Post not found.");
            }
            JsonNode in = JSON.readTree(r.body()).path("posts").path(0);
            if (!in.path("updated_at").asText().equals(post.path("updated_at").asText())) {
                return error(409, "UpdateCollisionError", "Saving failed! Someone else is editing this post.");
            }
            apply(post, in);
            return ok(200, wrap(post));
        }
        return error(404, "NotFoundError", "Resource not found");
    }

    private Answer upload(Received r) throws IOException {
        try {
            MimeMultipart form = new MimeMultipart(new ByteArrayDataSource(r.body(), r.header("Content-Type")));
            String ref = "";
            for (int i = 0; i < form.getCount(); i++) {
                BodyPart part = form.getBodyPart(i);
                ContentDisposition d = new ContentDisposition(part.getHeader("Content-Disposition")[0]);
                if ("ref".equals(d.getParameter("name"))) {
                    ref = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            for (int i = 0; i < form.getCount(); i++) {
                BodyPart part = form.getBodyPart(i);
                ContentDisposition d = new ContentDisposition(part.getHeader("Content-Disposition")[0]);
                if ("file".equals(d.getParameter("name")) && d.getParameter("filename") != null) {
                    String url = base + "/content/images/2026/03/" + d.getParameter("filename");
                    images.put(url, part.getInputStream().readAllBytes());
                    imageTypes.put(url, part.getContentType());
                    ObjectNode out = JSON.createObjectNode();
                    out.putArray("images").addObject().put("url", url).put("ref", ref);
                    return ok(201, out);
                }
            }
            return error(422, "ValidationError", "Please select an image.");
        } catch (MessagingException e) {
            return error(400, "BadRequestError", "Malformed multipart body");
        }
    }

    private void apply(ObjectNode post, JsonNode in) {
        in.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("updated_at")) {
                post.set(e.getKey(), e.getValue());
            }
        });
        post.put("updated_at", Instant.parse("2026-03-14T09:30:00Z").plusSeconds(++version).toString());
        String slug = post.path("slug").asText();
        post.put("url", post.path("status").asText().equals("published") ? base + "/" + slug + "/"
                : base + "/p/" + post.path("id").asText() + "/");
    }

    /** Null when the token is one Ghost accepts; else Ghost's reason. */
    private static String verify(String header) {
        if (!header.startsWith("Ghost ")) {
            return "Authorization header format is \"Authorization: Ghost [token]\"";
        }
        String[] parts = header.substring(6).split("\\.");
        if (parts.length != 3) {
            return "Invalid token";
        }
        try {
            JsonNode head = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (!head.path("kid").asText().equals(KEY_ID)) {
                return "Unknown Admin API Key";
            }
            byte[] expected = GhostToken.hmac(java.util.HexFormat.of().parseHex(KEY_SECRET), parts[0] + "." + parts[1]);
            if (!"HS256".equals(head.path("alg").asText())
                    || !MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                return "Invalid token: invalid signature";
            }
            if (!"/admin/".equals(claims.path("aud").asText())) {
                return "Invalid token: jwt audience invalid";
            }
            long now = Instant.now().getEpochSecond();
            long iat = claims.path("iat").asLong();
            long exp = claims.path("exp").asLong();
            if (exp - iat > 300 || exp < now || iat > now + 60) {
                return "Invalid token: jwt expired";
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return "Invalid token";
        }
    }

    private static ObjectNode wrap(ObjectNode post) {
        ObjectNode out = JSON.createObjectNode();
        out.putArray("posts").add(post);
        return out;
    }

    private static Answer ok(int status, JsonNode body) throws IOException {
        return Answer.json(status, JSON.writeValueAsString(body));
    }

    private static Answer okUnchecked(JsonNode body) {
        return okUnchecked(200, body);
    }

    static Answer error(int status, String type, String message) {
        ObjectNode e = JSON.createObjectNode();
        e.putArray("errors").addObject().put("message", message).put("type", type);
        return okUnchecked(status, e);
    }

    private static Answer okUnchecked(int status, JsonNode body) {
        try {
            return ok(status, body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
