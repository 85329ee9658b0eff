package org.cristal.publish.wordpress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cristal.publish.webpost.LoopbackServer.Answer;
import org.cristal.publish.webpost.LoopbackServer.Received;
import org.cristal.publish.webpost.LoopbackServer;

/**
 * The parts of the WordPress REST API (wp/v2) the plugin uses, as WordPress documents them: application
 * password over HTTP Basic, {@code users/me}, {@code media} (raw body with Content-Disposition, then alt
 * text), {@code tags} and {@code categories} (search, create, {@code term_exists}), {@code posts}
 * (filter by slug and status, create, update by id). Error bodies are WordPress's
 * {@code {"code","message","data":{"status"}}}.
 */
final class FakeWordPress implements LoopbackServer.Service {
    static final String USER = "marie";
    static final String PASSWORD = "abcd EFGH 1234 ijkl MNOP 6789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("/wp-json/wp/v2/(posts|media)/(\\d+)");

    final Map<Long, ObjectNode> posts = new TreeMap<>();
    final Map<Long, ObjectNode> media = new TreeMap<>();
    final Map<Long, byte[]> mediaBytes = new HashMap<>();
    final Map<Long, ObjectNode> tags = new TreeMap<>();
    final Map<Long, ObjectNode> categories = new TreeMap<>();
    private long nextId = 100;
    private String base = "";

    FakeWordPress base(String url) {
        this.base = url;
        return this;
    }

    synchronized long category(String name) {
        long id = ++nextId;
        categories.put(id, JSON.createObjectNode().put("id", id).put("name", name));
        return id;
    }

    synchronized long tag(String name) {
        long id = ++nextId;
        tags.put(id, JSON.createObjectNode().put("id", id).put("name", name));
        return id;
    }

    @Override
    public synchronized Answer handle(Received r) throws IOException {
        if (!authorized(r.header("Authorization"))) {
            return error(401, "incorrect_password", "The provided password is an invalid application password.");
        }
        Map<String, String> q = query(r.query());
        String path = r.path();
        Matcher m = ID.matcher(path);
        if (r.method().equals("GET") && path.equals("/wp-json/wp/v2/users/me")) {
            return ok(200, JSON.createObjectNode().put("id", 1).put("name", "Marie Martin").put("slug", USER));
        }
        if (r.method().equals("POST") && path.equals("/wp-json/wp/v2/media")) {
            String disposition = r.header("Content-Disposition");
            Matcher f = Pattern.compile("filename=\"?([^\";]+)\"?").matcher(disposition);
            if (!f.find() || r.body().length == 0) {
                return error(400, "rest_upload_no_data", "No data supplied.");
            }
            long id = ++nextId;
            ObjectNode item = JSON.createObjectNode().put("id", id).put("media_type", "image")
                    .put("mime_type", r.header("Content-Type")).put("alt_text", "")
                    .put("source_url", base + "/wp-content/uploads/2026/03/" + f.group(1));
            media.put(id, item);
            mediaBytes.put(id, r.body());
            return ok(201, item);
        }
        if (r.method().equals("POST") && m.matches() && m.group(1).equals("media")) {
            ObjectNode item = media.get(Long.parseLong(m.group(2)));
            if (item == null) {
                return error(404, "rest_post_invalid_id", "Invalid post ID.");
            }
            item.put("alt_text", JSON.readTree(r.body()).path("alt_text").asText());
            return ok(200, item);
        }
        if (path.equals("/wp-json/wp/v2/tags") || path.equals("/wp-json/wp/v2/categories")) {
            Map<Long, ObjectNode> terms = path.endsWith("tags") ? tags : categories;
            if (r.method().equals("GET")) {
                String search = q.getOrDefault("search", "").toLowerCase();
                ArrayNode out = JSON.createArrayNode();
                terms.values().stream().filter(t -> t.path("name").asText().toLowerCase().contains(search))
                        .forEach(out::add);
                return ok(200, out);
            }
            String name = JSON.readTree(r.body()).path("name").asText();
            for (ObjectNode t : terms.values()) {
                if (t.path("name").asText().equalsIgnoreCase(name)) {
                    ObjectNode e = JSON.createObjectNode().put("code", "term_exists")
                            .put("message", "A term with the name provided already exists in this taxonomy.");
                    e.putObject("data").put("status", 400).put("term_id", t.path("id").asLong());
                    return ok(400, e);
                }
            }
            long id = ++nextId;
            ObjectNode term = JSON.createObjectNode().put("id", id).put("name", name);
            terms.put(id, term);
            return ok(201, term);
        }
        if (path.equals("/wp-json/wp/v2/posts") && r.method().equals("GET")) {
            String slug = q.getOrDefault("slug", "");
            boolean any = "any".equals(q.get("status"));
            ArrayNode out = JSON.createArrayNode();
            posts.values().stream().filter(p -> p.path("slug").asText().equals(slug))
                    .filter(p -> any || p.path("status").asText().equals("publish")).forEach(out::add);
            return ok(200, out);
        }
        if (path.equals("/wp-json/wp/v2/posts") && r.method().equals("POST")) {
            long id = ++nextId;
            ObjectNode post = JSON.createObjectNode().put("id", id);
            apply(post, JSON.readTree(r.body()));
            post.put("date_gmt", "2026-03-14T09:30:05");
            posts.put(id, post);
            return ok(201, post);
        }
        if (m.matches() && m.group(1).equals("posts") && r.method().equals("POST")) {
            ObjectNode post = posts.get(Long.parseLong(m.group(2)));
            if (post == null) {
                return error(404, "rest_post_invalid_id", "Invalid post ID.");
            }
            apply(post, JSON.readTree(r.body()));
            post.put("modified_gmt", "2026-03-15T10:00:00");
            return ok(200, post);
        }
        return error(404, "rest_no_route", "No route was found matching the URL and request method.");
    }

    private void apply(ObjectNode post, JsonNode body) {
        body.fields().forEachRemaining(e -> {
            // With context=edit WordPress answers these as {"raw": as sent, "rendered": filtered for display}.
            if (List.of("title", "content", "excerpt").contains(e.getKey())) {
                post.putObject(e.getKey()).put("raw", e.getValue().asText()).put("rendered", e.getValue().asText());
            } else {
                post.set(e.getKey(), e.getValue());
            }
        });
        String slug = post.path("slug").asText();
        post.put("link", base + "/" + (post.path("status").asText().equals("publish") ? slug + "/" : "?p="
                + post.path("id").asLong()));
        post.putObject("guid").put("rendered", base + "/?p=" + post.path("id").asLong());
    }

    private static boolean authorized(String header) {
        if (!header.startsWith("Basic ")) {
            return false;
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        return decoded.equals(USER + ":" + PASSWORD);
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String part : raw.split("&")) {
            String[] kv = part.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    private static Answer ok(int status, JsonNode body) throws IOException {
        return Answer.json(status, JSON.writeValueAsString(body));
    }

    static Answer error(int status, String code, String message) throws IOException {
        ObjectNode e = JSON.createObjectNode().put("code", code).put("message", message);
        e.putObject("data").put("status", status);
        return ok(status, e);
    }
}
