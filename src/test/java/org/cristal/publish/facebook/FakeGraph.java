package org.cristal.publish.facebook;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.cristal.publish.http.Graph;
import org.cristal.publish.social.FakeService;

/**
 * Meta's Graph API on loopback, as documented for v21.0: Facebook Login's token endpoint (code exchange,
 * POST, and {@code grant_type=fb_exchange_token}, GET), {@code /me}, {@code /me/accounts} (with the fields
 * asked for, {@code instagram_business_account} included), a Page's {@code /feed} (POST form, GET newest
 * first) and {@code /photos} (multipart, {@code published=false} for an unpublished photo, whose
 * {@code images} give a CDN address), and Instagram's content publishing: {@code /{ig}/media} containers,
 * their {@code status_code} (IN_PROGRESS for {@link #processingPolls} queries, then FINISHED),
 * carousels ({@code media_type=CAROUSEL} of 2 to 10 FINISHED {@code is_carousel_item} children),
 * {@code /{ig}/media_publish} and the account's media list. Errors are Graph's error object, with the
 * faults of {@link GraphFault} to switch on for the n-th call of an endpoint.
 */
public final class FakeGraph extends FakeService {
    public static final String APP_ID = "1234567890123456";
    public static final String APP_SECRET = "app-secret-5e1f9a7c";
    public static final String CODE = "code-from-dialog-42";
    public static final String SHORT_TOKEN = "EAAshort-user-token-4f1a";
    public static final String LONG_TOKEN = "EAAlong-user-token-9c2e";
    public static final String PAGE_TOKEN = "EAApage-token-bakery-77d1";
    public static final String OTHER_PAGE_TOKEN = "EAApage-token-bikes-31b0";
    public static final String USER_ID = "10158000000000001";
    public static final String PAGE_ID = "104000000000001";
    public static final String OTHER_PAGE_ID = "104000000000002";
    public static final String IG_ID = "17841400000000001";
    public static final long LONG_LIVED_SECONDS = 5_183_944;
    public static final String V = "/" + Graph.VERSION + "/";

    /** Graph's own errors, answered instead of the n-th call of an endpoint. */
    public enum GraphFault {
        /** 190 / 463: the session has expired. */
        EXPIRED_TOKEN,
        /** 4: application request limit, with {@code X-App-Usage} at 100 %. */
        APP_RATE_LIMIT,
        /** 17 with {@code X-Business-Use-Case-Usage} saying 7 minutes to regain access. */
        BUSINESS_RATE_LIMIT,
        /** 36003 / 2207009: the image's aspect ratio. */
        ASPECT_RATIO,
        /** 9004 / 2207052: the image could not be fetched. */
        UNFETCHABLE
    }

    /** Something posted: where, its fields, when. */
    public record Posted(String id, String where, Map<String, String> fields, Instant at, boolean hasFile) {
        public String text() {
            return fields.getOrDefault("message", fields.getOrDefault("caption", ""));
        }
    }

    /** Page posts (link and photo posts), newest last. */
    public final List<Posted> posts = Collections.synchronizedList(new ArrayList<>());
    /** Unpublished photos uploaded for Instagram. */
    public final List<Posted> hiddenPhotos = Collections.synchronizedList(new ArrayList<>());
    public final List<Posted> containers = Collections.synchronizedList(new ArrayList<>());
    public final List<Posted> media = Collections.synchronizedList(new ArrayList<>());
    /** How many status queries answer IN_PROGRESS before FINISHED. */
    public volatile int processingPolls = 1;
    /** The service's clock, for the times it stamps on posts (a test's clock, to match an outbox's). */
    public volatile java.util.function.Supplier<Instant> now = Instant::now;
    /** Likes (reactions) of a post or media by id; comments are always 2, shares 1. */
    public final Map<String, Integer> likes = new ConcurrentHashMap<>();
    /** Whether containers end in ERROR with 2207026 (format) instead of FINISHED. */
    public volatile boolean containersFail;
    /** Whether the bakery's Page has an Instagram professional account linked. */
    public volatile boolean instagramLinked = true;

    private final Map<String, GraphFault> graphFaults = new ConcurrentHashMap<>();
    private final Map<String, Integer> polls = new ConcurrentHashMap<>();
    private final Map<String, String> containerStatus = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(900_000_000L);

    /** Answers {@code fault} to the {@code nth} call of {@code endpoint} ("POST /v21.0/{page}/feed"). */
    public void graphFault(String endpoint, int nth, GraphFault fault) {
        graphFaults.put(endpoint + "#" + nth, fault);
    }

    @Override
    protected Answer handle(HttpExchange ex, String endpoint, byte[] body) throws IOException {
        Map<String, String> query = form(ex.getRequestURI().getRawQuery());
        GraphFault fault = graphFaults.get(endpoint + "#" + calls(endpoint));
        if (fault != null) {
            return fault(ex, fault);
        }
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        if (!path.startsWith(V)) {
            return error(400, 2500, 0, "Unknown path components: " + path);
        }
        path = path.substring(V.length());
        if (method.equals("GET") && path.equals("dialog/oauth")) {
            return consent(ex, query);
        }
        if (path.equals("oauth/access_token")) {
            return token(method, method.equals("GET") ? query : form(new String(body, StandardCharsets.UTF_8)));
        }
        String token = bearer(ex);
        boolean user = token.equals(LONG_TOKEN) || token.equals(SHORT_TOKEN);
        String page = token.equals(PAGE_TOKEN) ? PAGE_ID : token.equals(OTHER_PAGE_TOKEN) ? OTHER_PAGE_ID : null;
        if (!user && page == null) {
            return error(400, 190, 0, "Invalid OAuth access token - Cannot parse access token");
        }
        String fields = query.getOrDefault("fields", "");
        if (method.equals("GET") && path.equals("me")) {
            return user ? Answer.json(200, Map.of("id", USER_ID, "name", "Claire Martin"))
                    : Answer.json(200, Map.of("id", page, "name", pageName(page)));
        }
        if (method.equals("GET") && path.equals("me/accounts")) {
            if (!user) {
                return error(400, 100, 0, "(#100) Tried accessing nonexisting field (accounts) on node type (Page)");
            }
            return Answer.json(200, Map.of("data", List.of(account(PAGE_ID, PAGE_TOKEN, fields, instagramLinked),
                    account(OTHER_PAGE_ID, OTHER_PAGE_TOKEN, fields, false)), "paging", Map.of()));
        }
        String[] parts = path.split("/");
        String node = parts[0];
        String edge = parts.length > 1 ? parts[1] : "";
        if (node.equals(PAGE_ID) || node.equals(OTHER_PAGE_ID)) {
            return pageNode(method, node, edge, page, fields, ex, body);
        }
        if (node.equals(IG_ID)) {
            return igNode(method, edge, fields, body);
        }
        return object(method, node, fields);
    }

    private Answer pageNode(String method, String node, String edge, String page, String fields, HttpExchange ex,
            byte[] body) throws IOException {
        if (edge.isEmpty() && method.equals("GET")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", node);
            m.put("name", pageName(node));
            if (fields.contains("access_token")) {
                m.put("access_token", node.equals(PAGE_ID) ? PAGE_TOKEN : OTHER_PAGE_TOKEN);
            }
            return Answer.json(200, m);
        }
        if (!node.equals(page) && method.equals("POST")) {
            return error(403, 200, 0, "(#200) The user hasn't authorized the application to perform this action");
        }
        if (edge.equals("feed") && method.equals("POST")) {
            Map<String, String> f = form(new String(body, StandardCharsets.UTF_8));
            if (f.getOrDefault("message", "").isBlank() && !f.containsKey("link")) {
                return error(400, 100, 0, "(#100) Missing message or attachment");
            }
            Posted p = new Posted(node + "_" + ids.incrementAndGet(), node, f, now.get(), false);
            posts.add(p);
            return Answer.json(200, Map.of("id", p.id()));
        }
        if (edge.equals("photos") && method.equals("POST")) {
            Map<String, String> f = multipart(ex.getRequestHeaders().getFirst("Content-Type"), body);
            boolean file = f.containsKey("source");
            if (!file && !f.containsKey("url")) {
                return error(400, 324, 0, "(#324) Requires upload file");
            }
            String photo = String.valueOf(ids.incrementAndGet());
            if ("false".equals(f.get("published"))) {
                hiddenPhotos.add(new Posted(photo, node, f, now.get(), file));
                return Answer.json(200, Map.of("id", photo));
            }
            Posted p = new Posted(node + "_" + photo, node, f, now.get(), file);
            posts.add(p);
            return Answer.json(200, Map.of("id", photo, "post_id", p.id()));
        }
        if (edge.equals("feed") && method.equals("GET")) {
            List<Map<String, Object>> data = new ArrayList<>();
            synchronized (posts) {
                for (int i = posts.size() - 1; i >= 0; i--) {
                    Posted p = posts.get(i);
                    if (p.where().equals(node)) {
                        data.add(Map.of("id", p.id(), "message", p.text(), "created_time", time(p.at()),
                                "permalink_url", permalink(p.id())));
                    }
                }
            }
            return Answer.json(200, Map.of("data", data));
        }
        return error(400, 100, 0, "(#100) Unknown edge");
    }

    private Answer igNode(String method, String edge, String fields, byte[] body) {
        Map<String, String> f = method.equals("POST") ? form(new String(body, StandardCharsets.UTF_8)) : Map.of();
        if (edge.isEmpty()) {
            return Answer.json(200, Map.of("id", IG_ID, "username", "boulangerie.martin"));
        }
        if (edge.equals("media") && method.equals("POST")) {
            if ("CAROUSEL".equals(f.get("media_type"))) {
                String refused = carouselRefusal(f.getOrDefault("children", ""));
                if (refused != null) {
                    return error(400, 100, 0, "(#100) " + refused);
                }
            } else if (!f.containsKey("image_url")) {
                return error(400, 100, 0, "(#100) The parameter image_url is required");
            }
            Posted c = new Posted(String.valueOf(ids.incrementAndGet()), IG_ID, f, now.get(), false);
            containers.add(c);
            containerStatus.put(c.id(), "IN_PROGRESS");
            return Answer.json(200, Map.of("id", c.id()));
        }
        if (edge.equals("media_publish") && method.equals("POST")) {
            String container = f.getOrDefault("creation_id", "");
            String status = containerStatus.get(container);
            if (!"FINISHED".equals(status)) {
                return error(400, 9007, 2207027, "Media ID is not available");
            }
            Posted c = container(container).orElseThrow();
            if ("true".equals(c.fields().get("is_carousel_item"))) {
                return error(400, 100, 0, "(#100) A carousel item cannot be published on its own");
            }
            Posted m = new Posted(String.valueOf(ids.incrementAndGet()), IG_ID, c.fields(), now.get(), false);
            media.add(m);
            containerStatus.put(container, "PUBLISHED");
            return Answer.json(200, Map.of("id", m.id()));
        }
        if (edge.equals("media") && method.equals("GET")) {
            List<Map<String, Object>> data = new ArrayList<>();
            synchronized (media) {
                for (int i = media.size() - 1; i >= 0; i--) {
                    Posted m = media.get(i);
                    data.add(Map.of("id", m.id(), "caption", m.text(), "timestamp", time(m.at()),
                            "permalink", "https://www.instagram.com/p/C" + m.id() + "/"));
                }
            }
            return Answer.json(200, Map.of("data", data));
        }
        return error(400, 100, 0, "(#100) Unknown edge");
    }

    /** Why Instagram would refuse a carousel of these children: 2 to 10 carousel items, all FINISHED. */
    private String carouselRefusal(String children) {
        List<String> ids = children.isBlank() ? List.of() : List.of(children.split(","));
        if (ids.size() < 2 || ids.size() > 10) {
            return "A carousel takes 2 to 10 children, not " + ids.size();
        }
        for (String id : ids) {
            Optional<Posted> child = container(id);
            if (child.isEmpty() || !"true".equals(child.get().fields().get("is_carousel_item"))) {
                return "Child " + id + " is not a carousel item";
            }
            if (!"FINISHED".equals(containerStatus.get(id))) {
                return "Child " + id + " is not ready";
            }
        }
        return null;
    }

    private Optional<Posted> container(String id) {
        synchronized (containers) {
            return containers.stream().filter(x -> x.id().equals(id)).findFirst();
        }
    }

    /** A container, a photo, a post or a media by id. */
    private Answer object(String method, String id, String fields) {
        if (!method.equals("GET")) {
            return error(400, 100, 0, "(#100) Unsupported post request");
        }
        String status = containerStatus.get(id);
        if (status != null) {
            int n = polls.merge(id, 1, Integer::sum);
            if (containersFail && status.equals("IN_PROGRESS")) {
                containerStatus.put(id, "ERROR");
                return Answer.json(200, Map.of("id", id, "status_code", "ERROR",
                        "status", "Error: Media upload has failed with error code 2207026"));
            }
            if (status.equals("IN_PROGRESS") && n > processingPolls) {
                containerStatus.put(id, "FINISHED");
            }
            return Answer.json(200, Map.of("id", id, "status_code", containerStatus.get(id)));
        }
        synchronized (hiddenPhotos) {
            for (Posted p : hiddenPhotos) {
                if (p.id().equals(id)) {
                    return Answer.json(200, Map.of("id", id, "images", List.of(
                            Map.of("height", 1080, "width", 1440, "source", url() + "/cdn/" + id + "_n.jpg"),
                            Map.of("height", 480, "width", 640, "source", url() + "/cdn/" + id + "_s.jpg"))));
                }
            }
        }
        synchronized (posts) {
            for (Posted p : posts) {
                if (p.id().equals(id) && fields.contains("reactions")) {
                    return Answer.json(200, Map.of("id", id,
                            "reactions", Map.of("data", List.of(), "summary", Map.of("total_count", likes.getOrDefault(id, 0))),
                            "comments", Map.of("data", List.of(), "summary", Map.of("total_count", 2)),
                            "shares", Map.of("count", 1)));
                }
                if (p.id().equals(id)) {
                    return Answer.json(200, Map.of("id", id, "permalink_url", permalink(id)));
                }
            }
        }
        synchronized (media) {
            for (Posted m : media) {
                if (m.id().equals(id) && fields.contains("like_count")) {
                    return Answer.json(200, Map.of("id", id, "like_count", likes.getOrDefault(id, 0),
                            "comments_count", 2));
                }
                if (m.id().equals(id)) {
                    return Answer.json(200, Map.of("id", id, "permalink", "https://www.instagram.com/p/C" + id + "/"));
                }
            }
        }
        return error(400, 100, 33, "Unsupported get request. Object with ID '" + id + "' does not exist");
    }

    private Answer token(String method, Map<String, String> f) {
        if (!APP_ID.equals(f.get("client_id"))) {
            return error(400, 101, 0, "Error validating application. Invalid application ID.");
        }
        if (method.equals("GET") && "fb_exchange_token".equals(f.get("grant_type"))) {
            if (!APP_SECRET.equals(f.get("client_secret"))) {
                return error(400, 1, 0, "Error validating client secret.");
            }
            if (!SHORT_TOKEN.equals(f.get("fb_exchange_token"))) {
                return error(400, 190, 0, "Invalid OAuth access token.");
            }
            return Answer.json(200, Map.of("access_token", LONG_TOKEN, "token_type", "bearer",
                    "expires_in", LONG_LIVED_SECONDS));
        }
        if (CODE.equals(f.get("code"))) {
            Map<String, String> asked = consented;
            if (asked != null) {
                // The code came from the consent page: checked as Meta checks it, and good once.
                consented = null;
                if (!asked.get("redirect_uri").equals(f.get("redirect_uri"))) {
                    return error(400, 100, 36008, "Error validating verification code. Please make sure your "
                            + "redirect_uri is identical to the one you used in the OAuth dialog request");
                }
                String sent = f.getOrDefault("code_verifier", "");
                if (!asked.get("code_challenge").equals(org.cristal.publish.oauth.Pkce.challenge(sent))) {
                    return error(400, 100, 0, "Invalid code verifier.");
                }
                if (!APP_SECRET.equals(f.get("client_secret"))) {
                    return error(400, 1, 0, "Error validating client secret.");
                }
            }
            return Answer.json(200, Map.of("access_token", SHORT_TOKEN, "token_type", "bearer", "expires_in", 5183));
        }
        return error(400, 100, 36009, "This authorization code has been used.");
    }

    /** What the last consent page was asked (client, redirect URI, scope, PKCE challenge), until its code is used. */
    public volatile Map<String, String> consented;
    /** The consent page's query as the browser opened it. */
    public volatile Map<String, String> lastConsent;

    /** Facebook Login's dialog: the user agrees at once; back to the app's redirect URI with a code. */
    private Answer consent(HttpExchange ex, Map<String, String> q) {
        lastConsent = Map.copyOf(q);
        if (!APP_ID.equals(q.get("client_id"))) {
            return error(400, 101, 0, "Invalid App ID");
        }
        if (!"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null) {
            return error(400, 100, 0, "code_challenge required");
        }
        consented = Map.copyOf(q);
        ex.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=" + CODE + "&state="
                + java.net.URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        return new Answer(302, "");
    }

    private static Map<String, Object> account(String id, String token, String fields, boolean ig) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", pageName(id));
        m.put("access_token", token);
        m.put("tasks", List.of("ADVERTISE", "ANALYZE", "CREATE_CONTENT", "MESSAGING", "MODERATE", "MANAGE"));
        if (ig && fields.contains("instagram_business_account")) {
            m.put("instagram_business_account", Map.of("id", IG_ID, "username", "boulangerie.martin"));
        }
        return m;
    }

    private static String pageName(String id) {
        return id.equals(PAGE_ID) ? "Boulangerie Martin" : "Atelier Vélo Senlis";
    }

    private Answer fault(HttpExchange ex, GraphFault fault) {
        return switch (fault) {
            case EXPIRED_TOKEN -> error(400, 190, 463, "Error validating access token: Session has expired on "
                    + "Monday, 23-Nov-26 09:00:00 PST. The current time is Monday, 23-Nov-26 10:00:00 PST.");
            case APP_RATE_LIMIT -> {
                ex.getResponseHeaders().add("X-App-Usage", "{\"call_count\":100,\"total_cputime\":25,\"total_time\":25}");
                yield error(400, 4, 0, "(#4) Application request limit reached");
            }
            case BUSINESS_RATE_LIMIT -> {
                ex.getResponseHeaders().add("X-Business-Use-Case-Usage", "{\"" + PAGE_ID + "\":[{\"type\":\"pages\","
                        + "\"call_count\":100,\"total_cputime\":30,\"total_time\":40,"
                        + "\"estimated_time_to_regain_access\":7}]}");
                yield error(400, 17, 2446079, "(#17) User request limit reached");
            }
            case ASPECT_RATIO -> error(400, 36003, 2207009, "The aspect ratio is not supported.");
            case UNFETCHABLE -> error(400, 9004, 2207052, "Only photo or video can be accepted as media type.");
        };
    }

    private static Answer error(int status, int code, int subcode, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("message", message);
        e.put("type", code == 190 ? "OAuthException" : "GraphMethodException");
        e.put("code", code);
        if (subcode != 0) {
            e.put("error_subcode", subcode);
        }
        e.put("fbtrace_id", "AbCdEfGh123");
        return Answer.json(status, Map.of("error", e));
    }

    private static String bearer(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        return auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
    }

    @Override
    protected String unauthorizedBody() {
        return "{\"error\":{\"message\":\"Invalid OAuth access token.\",\"type\":\"OAuthException\",\"code\":190}}";
    }

    static String permalink(String postId) {
        return "https://www.facebook.com/" + postId.replace('_', '/') + "/";
    }

    private static String time(Instant at) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC).format(at);
    }

    static Map<String, String> form(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            m.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return m;
    }

    /** The text fields of a multipart body; a file part is there under its name with its size. */
    private static Map<String, String> multipart(String contentType, byte[] body) {
        Map<String, String> m = new LinkedHashMap<>();
        String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + 9);
        String all = new String(body, StandardCharsets.ISO_8859_1);
        for (String part : all.split(java.util.regex.Pattern.quote(boundary))) {
            int head = part.indexOf("\r\n\r\n");
            if (head < 0) {
                continue;
            }
            String headers = part.substring(0, head);
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
            if (!name.find()) {
                continue;
            }
            String value = part.substring(head + 4, part.length() - 2);
            m.put(name.group(1), headers.contains("filename=") ? String.valueOf(value.length())
                    : new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
        return m;
    }
}
