package org.cristal.publish.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.cristal.publish.social.FakeService;

/**
 * LinkedIn's API on loopback, as documented: {@code GET /v2/userinfo} (OpenID Connect), and on the versioned
 * {@code /rest/} API (each call must carry {@code LinkedIn-Version: YYYYMM} and
 * {@code X-Restli-Protocol-Version: 2.0.0}) {@code POST /rest/images?action=initializeUpload} then a
 * {@code PUT} of the bytes to the upload URL, {@code POST /rest/posts} (201, the post's URN in
 * {@code x-restli-id}, no body), {@code GET /rest/posts?q=author} (newest first), the organisations the
 * member administers and their names, and the authorization page and token endpoint on the auth base
 * ({@link LinkedInOAuth}). Errors are LinkedIn's JSON ({@code message}, {@code status},
 * {@code serviceErrorCode}).
 *
 * <p>A post's commentary is read as LinkedIn reads "little" text: escapes undone, hashtag templates shown
 * as hashtags, links kept, and the text cut at the first reserved character left unescaped (LinkedIn's
 * silent truncation): {@link Post#shown()} is what a reader would see.
 */
final class FakeLinkedIn extends FakeService {
    static final String TOKEN = "AQV8linkedinMemberToken3f9a";
    static final String SUB = "782bbtaQ";
    static final String NAME = "Jean-Pierre Martin";
    static final String ORG = "urn:li:organization:2414183";
    static final String ORG_NAME = "Boulangerie Martin";
    static final String OTHER_ORG = "urn:li:organization:5590";
    static final String OTHER_ORG_NAME = "Marché de la Croix-Rousse";
    static final String POSTS = "POST /rest/posts";
    static final String INIT = "POST /rest/images";

    /** A post created: its URN, when, and the JSON the client sent. */
    record Post(String urn, long createdAt, JsonNode request) {
        String author() {
            return request.path("author").asText();
        }

        String commentary() {
            return request.path("commentary").asText();
        }

        /** The commentary as a LinkedIn reader sees it. */
        String shown() {
            return render(commentary());
        }

        JsonNode article() {
            return request.path("content").path("article");
        }

        JsonNode media() {
            return request.path("content").path("media");
        }
    }

    final List<Post> posts = Collections.synchronizedList(new ArrayList<>());
    /** The images whose bytes arrived, by URN. */
    final Map<String, byte[]> images = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Whether this token may read a member's posts ({@code r_member_social}, which LinkedIn gives few apps). */
    volatile boolean memberPostsReadable = true;
    /** Reactions and comments of a post, by URN, as other members left them. */
    final Map<String, long[]> social = new java.util.concurrent.ConcurrentHashMap<>();
    /** Answer 403 to the organisations a member administers: the app lacks the Community Management API. */
    volatile boolean forbidOrganizations;
    /** Answer 403 to posts: the app lacks the product. */
    volatile boolean forbidPosts;
    /** Answer 429 without Retry-After to posts: the daily quota is spent. */
    volatile boolean quotaSpent;
    /** Refuse uploaded bytes with 400, as LinkedIn refuses an image it cannot take. */
    volatile boolean refuseImage;
    /** Answer 426 as for a version LinkedIn retired. */
    volatile String retiredVersion = "";
    private final AtomicLong ids = new AtomicLong(7_180_000_000_000_000_000L);
    /** The Connect side, on the same server as the API (the plugin's {@code auth} setting points here). */
    final LinkedInOAuth oauth = new LinkedInOAuth();

    @Override
    protected Answer handle(HttpExchange ex, String endpoint, byte[] body) throws IOException {
        Answer signIn = oauth.handle(ex, endpoint, body);
        if (signIn != null) {
            return signIn;
        }
        if (endpoint.startsWith("PUT /dms-uploads/")) {
            return upload(ex, endpoint, body);
        }
        if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            return new Answer(401, unauthorizedBody());
        }
        if (endpoint.equals("GET /v2/userinfo")) {
            return Answer.json(200, Map.of("sub", SUB, "name", NAME, "given_name", "Jean-Pierre", "family_name",
                    "Martin", "locale", Map.of("country", "FR", "language", "fr"), "email_verified", true));
        }
        if (!endpoint.contains(" /rest/")) {
            return error(404, "Resource not found", 0);
        }
        String version = ex.getRequestHeaders().getFirst("LinkedIn-Version");
        if (version == null || !version.matches("20\\d{4}")) {
            return error(400, "A version must be present. Please specify a version by adding the LinkedIn-Version "
                    + "header.", 0);
        }
        if (version.equals(retiredVersion)) {
            return error(426, "Requested version " + version + " is not active", 0);
        }
        if (!"2.0.0".equals(ex.getRequestHeaders().getFirst("X-Restli-Protocol-Version"))) {
            return error(400, "Rest.li protocol version 2.0.0 is required", 0);
        }
        Map<String, String> query = query(ex);
        if (endpoint.equals(INIT) && "initializeUpload".equals(query.get("action"))) {
            String owner = json(body).path("initializeUploadRequest").path("owner").asText("");
            if (!owner.startsWith("urn:li:")) {
                return error(422, "owner is required", 0);
            }
            long n = ids.incrementAndGet();
            return Answer.json(200, Map.of("value", Map.of("uploadUrlExpiresAt", System.currentTimeMillis() + 86_400_000L,
                    "uploadUrl", url() + "/dms-uploads/D4E10AQ" + n + "?ca=vector_feedshare",
                    "image", "urn:li:image:D4E10AQ" + n)));
        }
        if (endpoint.equals(POSTS)) {
            return create(ex, json(body));
        }
        if (endpoint.equals("GET /rest/posts") && "author".equals(query.get("q"))) {
            return list(query.getOrDefault("author", ""));
        }
        if (endpoint.startsWith("GET /rest/socialActions/")) {
            return socialActions(endpoint.substring("GET /rest/socialActions/".length()));
        }
        if (endpoint.equals("GET /rest/organizationAcls") && "roleAssignee".equals(query.get("q"))
                && "ADMINISTRATOR".equals(query.get("role")) && "APPROVED".equals(query.get("state"))) {
            if (forbidOrganizations) {
                return error(403, "Not enough permissions to access: organizationAcls.FINDER-roleAssignee.20260501",
                        100);
            }
            String me = "urn:li:person:" + SUB;
            return Answer.json(200, Map.of("paging", Map.of("start", 0, "count", 10, "total", 2), "elements", List.of(
                    Map.of("role", "ADMINISTRATOR", "organization", ORG, "roleAssignee", me, "state", "APPROVED"),
                    Map.of("role", "ADMINISTRATOR", "organization", OTHER_ORG, "roleAssignee", me, "state",
                            "APPROVED"))));
        }
        if (endpoint.equals("GET /rest/organizations/2414183")) {
            return Answer.json(200, Map.of("id", 2414183, "localizedName", ORG_NAME, "vanityName", "boulangerie-martin"));
        }
        if (endpoint.equals("GET /rest/organizations/5590")) {
            return Answer.json(200, Map.of("id", 5590, "localizedName", OTHER_ORG_NAME, "vanityName", "marche-xr"));
        }
        return error(404, "Resource not found", 0);
    }

    private Answer create(HttpExchange ex, JsonNode in) {
        if (forbidPosts) {
            return error(403, "Not enough permissions to access: partnerApiPostsExternal.CREATE.20260501", 100);
        }
        if (quotaSpent) {
            return error(429, "Resource level throttle APPLICATION DAY limit for calls to this resource is reached.", 0);
        }
        for (String field : List.of("author", "commentary", "visibility", "lifecycleState")) {
            if (!in.path(field).isTextual()) {
                return error(422, "/" + field + " :: field is required but not found and has no default value", 0);
            }
        }
        if (!in.path("distribution").path("feedDistribution").isTextual()) {
            return error(422, "/distribution/feedDistribution :: field is required", 0);
        }
        JsonNode article = in.path("content").path("article");
        if (!article.isMissingNode() && (!article.path("source").isTextual() || !article.path("title").isTextual())) {
            return error(422, "/content/article/source :: field is required", 0);
        }
        String thumbnail = article.path("thumbnail").asText(in.path("content").path("media").path("id").asText(""));
        if (!thumbnail.isEmpty() && !images.containsKey(thumbnail)) {
            return error(422, "Image " + thumbnail + " has not been uploaded", 0);
        }
        Post p = new Post("urn:li:share:" + ids.incrementAndGet(), System.currentTimeMillis(), in);
        posts.add(p);
        ex.getResponseHeaders().add("x-restli-id", p.urn());
        return new Answer(201, "");
    }

    private Answer list(String author) {
        if (author.startsWith("urn:li:person:") && !memberPostsReadable) {
            return error(403, "Not enough permissions to access: partnerApiPostsExternal.FINDER-author.20260501", 100);
        }
        List<Map<String, Object>> elements = new ArrayList<>();
        synchronized (posts) {
            for (int i = posts.size() - 1; i >= 0; i--) {
                Post p = posts.get(i);
                if (p.author().equals(author)) {
                    elements.add(Map.of("id", p.urn(), "author", p.author(), "commentary", p.commentary(),
                            "createdAt", p.createdAt(), "publishedAt", p.createdAt(), "lastModifiedAt", p.createdAt(),
                            "lifecycleState", "PUBLISHED", "visibility", "PUBLIC"));
                }
            }
        }
        return Answer.json(200, Map.of("paging", Map.of("start", 0, "count", 20), "elements", elements));
    }

    private Answer socialActions(String urn) {
        Post post;
        synchronized (posts) {
            post = posts.stream().filter(p -> p.urn().equals(urn)).findFirst().orElse(null);
        }
        if (post == null) {
            return error(404, "Entity " + urn + " not found", 0);
        }
        if (post.author().startsWith("urn:li:person:") && !memberPostsReadable) {
            return error(403, "Not enough permissions to access: socialActions.GET.20260501", 100);
        }
        long[] c = social.getOrDefault(urn, new long[2]);
        return Answer.json(200, Map.of("target", urn, "likesSummary", Map.of("totalLikes", c[0],
                "aggregatedTotalLikes", c[0], "likedByCurrentUser", false), "commentsSummary",
                Map.of("aggregatedTotalComments", c[1], "totalFirstLevelComments", c[1])));
    }

    private Answer upload(HttpExchange ex, String endpoint, byte[] body) {
        if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            return new Answer(401, unauthorizedBody());
        }
        if (refuseImage) {
            return error(400, "Uploaded image exceeds the maximum size or is not a supported type", 0);
        }
        images.put("urn:li:image:" + endpoint.substring(endpoint.lastIndexOf('/') + 1), body);
        return new Answer(201, "");
    }

    /** What LinkedIn shows of a little-text commentary. */
    static String render(String little) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < little.length()) {
            char c = little.charAt(i);
            if (little.startsWith("http://", i) || little.startsWith("https://", i)) {
                int end = i;
                while (end < little.length() && !Character.isWhitespace(little.charAt(end)) && little.charAt(end) != '\\') {
                    end++;
                }
                out.append(little, i, end);
                i = end;
            } else if (c == '\\' && i + 1 < little.length()) {
                out.append(little.charAt(i + 1));
                i += 2;
            } else if (little.startsWith("{hashtag|\\#|", i)) {
                int end = little.indexOf('}', i);
                out.append('#').append(render(little.substring(i + "{hashtag|\\#|".length(), end)));
                i = end + 1;
            } else if ("|{}@[]()<>#*_~".indexOf(c) >= 0) {
                // LinkedIn cuts the post here and says nothing.
                break;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> q = new LinkedHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private static Answer error(int status, String message, int code) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (code > 0) {
            m.put("serviceErrorCode", code);
            m.put("code", "ACCESS_DENIED");
        }
        m.put("message", message);
        m.put("status", status);
        return Answer.json(status, m);
    }

    @Override
    protected String unauthorizedBody() {
        return "{\"serviceErrorCode\":65600,\"code\":\"INVALID_ACCESS_TOKEN\",\"message\":\"Invalid access token\","
                + "\"status\":401}";
    }

    @Override
    protected String rateLimitBody() {
        return "{\"message\":\"Too Many Requests\",\"status\":429}";
    }
}
