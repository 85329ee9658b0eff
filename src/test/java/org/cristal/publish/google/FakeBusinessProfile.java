package org.cristal.publish.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.cristal.publish.social.FakeService;

/**
 * Google's Business Profile APIs on loopback, one server for the three hosts (their paths do not collide):
 * {@code GET /v1/accounts} (Account Management), {@code GET /v1/{account}/locations?readMask=…} and
 * {@code GET /v1/locations/{id}} (Business Information), {@code POST} and {@code GET
 * /v4/{account}/{location}/localPosts} (the v4 local posts), and Google's sign-in ({@link GoogleOAuth}), whose
 * tokens the APIs then take. Errors are {@code google.rpc.Status} bodies;
 * a post is checked as Google documents it (summary length, button, event schedule, photo address), and one
 * with a phone number in its text is created REJECTED, as Google's content review does.
 */
final class FakeBusinessProfile extends FakeService {
    static final String TOKEN = "ya29.a0AfB_byDx7Lq3sFakeGoogleToken";
    static final String ACCOUNT = "accounts/108453327713249987451";
    static final String LOCATION_ID = "locations/4951785340917286053";
    static final String OTHER_LOCATION_ID = "locations/7739021186530442917";
    static final String LOCATION = ACCOUNT + "/" + LOCATION_ID;
    static final String POSTS = "POST /v4/" + LOCATION + "/localPosts";
    private static final Pattern PHONE = Pattern.compile("(?:\\+33|0)\\s?[1-9](?:[ .]?\\d{2}){4}");

    /** Failures Google sends for a post, switched on for the next one. */
    enum Problem {
        /** 403: the Business Profile APIs are not enabled in the user's Cloud project. */
        API_DISABLED,
        /** 403: the Google account does not manage this location. */
        NOT_MANAGER,
        /** 400: the photo is too small. */
        MEDIA_TOO_SMALL,
        /** 429 RESOURCE_EXHAUSTED with Retry-After: 30. */
        QUOTA,
        /** 404: the location is gone. */
        LOCATION_GONE
    }

    /** A post Google created: its name, the JSON the client sent, its state. */
    record Stored(String name, JsonNode request, Instant createTime, String state) {
        String summary() {
            return request.path("summary").asText();
        }
    }

    final List<Stored> posts = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ids = new AtomicLong(3_000_000_000L);
    private volatile Problem next;
    /** The Google account manages no location (not verified, or not a manager of any). */
    volatile boolean noLocations;

    /** The next post gets {@code problem} instead of being created. */
    void failNextPost(Problem problem) {
        next = problem;
    }

    /** The consent page and token endpoint, on the same server as the APIs (the {@code api} setting). */
    final GoogleOAuth oauth = new GoogleOAuth();

    @Override
    protected Answer handle(HttpExchange ex, String endpoint, byte[] body) throws IOException {
        Answer signIn = oauth.handle(ex, endpoint, body);
        if (signIn != null) {
            return signIn;
        }
        String bearer = ex.getRequestHeaders().getFirst("Authorization");
        if (!("Bearer " + TOKEN).equals(bearer) && !oauth.accepts(bearer)) {
            return new Answer(401, unauthorizedBody());
        }
        String query = ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery();
        if (endpoint.equals("GET /v1/accounts")) {
            return Answer.json(200, Map.of("accounts", List.of(Map.of("name", ACCOUNT, "accountName",
                    "Jean-Pierre Martin", "type", "PERSONAL", "verificationState", "VERIFIED"))));
        }
        if (endpoint.equals("GET /v1/" + ACCOUNT + "/locations")) {
            if (!query.contains("readMask=")) {
                return status(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", List.of(
                        Map.of("@type", "type.googleapis.com/google.rpc.BadRequest", "fieldViolations",
                                List.of(Map.of("field", "read_mask", "description", "Field is required")))));
            }
            return Answer.json(200, noLocations ? Map.of() : Map.of("locations", List.of(
                    location(LOCATION_ID, "Boulangerie Martin", "12 rue Victor-Hugo", "69004", "Lyon"),
                    location(OTHER_LOCATION_ID, "Boulangerie Martin", "3 place Sathonay", "69001", "Lyon"))));
        }
        if (endpoint.equals("GET /v1/" + LOCATION_ID)) {
            return Answer.json(200, Map.of("name", LOCATION_ID, "title", "Boulangerie Martin"));
        }
        if (endpoint.equals(POSTS)) {
            return post(ex, json(body));
        }
        if (endpoint.equals("GET /v4/" + LOCATION + "/localPosts")) {
            List<Map<String, Object>> list = new ArrayList<>();
            synchronized (posts) {
                for (int i = posts.size() - 1; i >= 0; i--) {
                    list.add(view(posts.get(i)));
                }
            }
            return Answer.json(200, list.isEmpty() ? Map.of() : Map.of("localPosts", list));
        }
        return status(404, "NOT_FOUND", "Requested entity was not found.", List.of());
    }

    private Answer post(HttpExchange ex, JsonNode in) {
        Problem problem = next;
        next = null;
        if (problem != null) {
            return switch (problem) {
                case API_DISABLED -> status(403, "PERMISSION_DENIED", "My Business API has not been used in "
                        + "project 4242 before or it is disabled.", List.of(Map.of("@type",
                        "type.googleapis.com/google.rpc.ErrorInfo", "reason", "SERVICE_DISABLED", "domain",
                        "googleapis.com")));
                case NOT_MANAGER -> status(403, "PERMISSION_DENIED", "The caller does not have permission",
                        List.of());
                case MEDIA_TOO_SMALL -> invalid("media.source_url", "Image is too small. Minimum size is 250x250.");
                case QUOTA -> {
                    ex.getResponseHeaders().add("Retry-After", "30");
                    yield status(429, "RESOURCE_EXHAUSTED", "Quota exceeded for quota metric 'Requests'.",
                            List.of());
                }
                case LOCATION_GONE -> status(404, "NOT_FOUND", "Requested entity was not found.", List.of());
            };
        }
        String summary = in.path("summary").asText("");
        if (summary.isBlank() || summary.length() > 1500) {
            return invalid("summary", "Summary must be between 1 and 1500 characters.");
        }
        String topic = in.path("topicType").asText("");
        JsonNode cta = in.path("callToAction");
        if (!cta.isMissingNode()) {
            boolean call = "CALL".equals(cta.path("actionType").asText());
            if (call == cta.hasNonNull("url")) {
                return invalid("call_to_action.url", call ? "URL must be empty for CALL." : "URL is required.");
            }
        }
        if (topic.equals("EVENT") || topic.equals("OFFER")) {
            JsonNode event = in.path("event");
            if (event.path("title").asText("").isBlank() || event.path("title").asText().length() > 58) {
                return invalid("event.title", "Title is required and must be at most 58 characters.");
            }
            if (!event.path("schedule").has("startDate") || !event.path("schedule").has("endDate")) {
                return invalid("event.schedule", "Start and end dates are required.");
            }
        }
        for (JsonNode m : in.path("media")) {
            if (!m.path("sourceUrl").asText("").startsWith("http")) {
                return invalid("media.source_url", "Invalid source URL.");
            }
        }
        String state = PHONE.matcher(summary).find() ? "REJECTED" : "LIVE";
        Stored s = new Stored(LOCATION + "/localPosts/" + ids.incrementAndGet(), in, Instant.now(), state);
        posts.add(s);
        return Answer.json(200, view(s));
    }

    private static Map<String, Object> view(Stored s) {
        Map<String, Object> m = new LinkedHashMap<>();
        s.request().fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
        m.put("name", s.name());
        m.put("createTime", s.createTime().toString());
        m.put("updateTime", s.createTime().toString());
        m.put("state", s.state());
        m.put("searchUrl", "https://local.google.com/place?id=1447294740239861&use=posts&lpsid="
                + s.name().substring(s.name().lastIndexOf('/') + 1));
        return m;
    }

    private static Map<String, Object> location(String name, String title, String street, String postalCode,
            String locality) {
        return Map.of("name", name, "title", title, "storefrontAddress", Map.of("regionCode", "FR",
                "addressLines", List.of(street), "postalCode", postalCode, "locality", locality));
    }

    private static Answer invalid(String field, String message) {
        return status(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", List.of(Map.of("@type",
                "type.googleapis.com/google.mybusiness.v4.ValidationError", "errorDetails", List.of(Map.of(
                        "code", 3, "field", field, "message", message)))));
    }

    private static Answer status(int code, String status, String message, List<Object> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("status", status);
        if (!details.isEmpty()) {
            error.put("details", details);
        }
        return Answer.json(code, Map.of("error", error));
    }

    @Override
    protected String unauthorizedBody() {
        return "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials. Expected "
                + "OAuth 2 access token, login cookie or other valid authentication credential.\","
                + "\"status\":\"UNAUTHENTICATED\"}}";
    }

    @Override
    protected String rateLimitBody() {
        return "{\"error\":{\"code\":429,\"message\":\"Quota exceeded.\",\"status\":\"RESOURCE_EXHAUSTED\"}}";
    }
}
