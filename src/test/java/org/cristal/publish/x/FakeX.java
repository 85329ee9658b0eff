package org.cristal.publish.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.cristal.publish.social.FakeService;

/**
 * The X API v2 on loopback: {@code GET /2/users/me}, {@code POST /2/tweets} (201, links shortened to
 * t.co in the answer, 403 for the same text twice in a row as X refuses duplicate content) and
 * {@code GET /2/users/:id/tweets}, newest first, with {@code referenced_tweets}. Errors are problem
 * details ({@code title}, {@code detail}, {@code status}).
 */
final class FakeX extends FakeService {
    static final String TOKEN = "VGhpcyBpcyBhIHVzZXIgdG9rZW4";
    static final String USER_ID = "2244994945";
    static final String TWEETS = "POST /2/tweets";

    /** A post created: its id and the JSON the client sent. */
    record Tweet(String id, JsonNode request) {
        String text() {
            return request.path("text").asText();
        }

        String inReplyTo() {
            return request.path("reply").path("in_reply_to_tweet_id").asText(null);
        }
    }

    /** The app's OAuth 2.0 endpoints and the tokens they granted. */
    final XOAuth oauth = new XOAuth();
    final List<Tweet> tweets = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ids = new AtomicLong(1_860_000_000_000_000_000L);

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
        if (endpoint.equals("GET /2/users/me")) {
            return Answer.json(200, Map.of("data", Map.of("id", USER_ID, "name", "Boulangerie Martin",
                    "username", "boulangerie")));
        }
        if (endpoint.equals("GET /2/users/" + USER_ID + "/tweets")) {
            List<Map<String, Object>> data = new ArrayList<>();
            synchronized (tweets) {
                for (int i = tweets.size() - 1; i >= 0; i--) {
                    data.add(view(tweets.get(i)));
                }
            }
            return Answer.json(200, Map.of("data", data, "meta", Map.of("result_count", data.size())));
        }
        if (endpoint.equals(TWEETS)) {
            JsonNode in = json(body);
            String text = in.path("text").asText();
            synchronized (tweets) {
                if (tweets.stream().anyMatch(t -> t.text().equals(text))) {
                    return Answer.json(403, Map.of("detail", "You are not allowed to create a Tweet with duplicate "
                            + "content.", "type", "about:blank", "title", "Forbidden", "status", 403));
                }
                Tweet t = new Tweet(String.valueOf(ids.incrementAndGet()), in);
                tweets.add(t);
                return Answer.json(201, Map.of("data", Map.of("id", t.id(), "text", shortened(text),
                        "edit_history_tweet_ids", List.of(t.id()))));
            }
        }
        return Answer.json(404, Map.of("title", "Not Found Error", "detail", "Sorry, that page does not exist.",
                "type", "https://api.twitter.com/2/problems/resource-not-found", "status", 404));
    }

    private Map<String, Object> view(Tweet t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("text", shortened(t.text()));
        if (t.inReplyTo() != null) {
            m.put("referenced_tweets", List.of(Map.of("type", "replied_to", "id", t.inReplyTo())));
        }
        return m;
    }

    private static String shortened(String text) {
        return text.replaceAll("https?://\\S+", "https://t.co/AbC123xYz");
    }

    @Override
    protected String unauthorizedBody() {
        return "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}";
    }

    @Override
    protected String rateLimitBody() {
        return "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}";
    }
}
