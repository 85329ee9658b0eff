package org.cristal.publish.linkedin;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.cristal.publish.oauth.Pkce;
import org.cristal.publish.social.FakeService.Answer;

/**
 * The OAuth 2.0 side of {@link FakeLinkedIn}, as LinkedIn documents its 3-legged flow: the authorization page
 * ({@code GET /oauth/v2/authorization}) redirects only to the redirect URL registered with the app, exactly;
 * the token endpoint ({@code POST /oauth/v2/accessToken}) wants the client id and secret in the form, the same
 * redirect URL, the PKCE verifier when a challenge was sent, and takes each code once. Its token lasts 60 days.
 */
final class LinkedInOAuth {
    static final String CLIENT_ID = "86ab4xq0cristal";
    static final String CLIENT_SECRET = "WPL_AP1.secret.7d3e9f";
    /** The app's one authorized redirect URL: LinkedIn's default fixed port. */
    static final String REDIRECT = "http://127.0.0.1:" + LinkedInPlugin.DEFAULT_PORT + "/callback";
    static final Set<String> SCOPES = Set.of("openid", "profile", "email", "w_member_social", "w_organization_social",
            "r_organization_social", "r_organization_admin");

    private record Code(String challenge, String redirectUri, String scope) {
    }

    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final AtomicInteger serial = new AtomicInteger();
    /** The authorization page's query as the browser opened it. */
    volatile Map<String, String> lastConsent = Map.of();
    /** Send back the code already traded, as a reloaded or bookmarked return page would. */
    volatile boolean replayLastCode;
    private volatile String lastCode;

    Answer handle(HttpExchange ex, String endpoint, byte[] body) {
        return switch (endpoint) {
            case "GET /oauth/v2/authorization" -> authorize(ex, decode(ex.getRequestURI().getRawQuery()));
            case "POST /oauth/v2/accessToken" -> token(decode(new String(body, StandardCharsets.UTF_8)));
            default -> null;
        };
    }

    private Answer authorize(HttpExchange ex, Map<String, String> q) {
        lastConsent = Map.copyOf(q);
        String scope = q.getOrDefault("scope", "");
        String challenge = q.get("code_challenge");
        if (!"code".equals(q.get("response_type")) || !CLIENT_ID.equals(q.get("client_id"))
                || q.getOrDefault("state", "").isBlank() || !SCOPES.containsAll(List.of(scope.split(" ")))
                || challenge != null && !"S256".equals(q.get("code_challenge_method"))) {
            return new Answer(400, "{\"error\":\"invalid_request\"}");
        }
        if (!REDIRECT.equals(q.get("redirect_uri"))) {
            return new Answer(400, "The redirect_uri does not match the registered value");
        }
        String code = replayLastCode && lastCode != null ? lastCode : "AQTlinkedin-code-" + serial.incrementAndGet();
        if (!replayLastCode) {
            codes.put(code, new Code(challenge, q.get("redirect_uri"), scope));
            lastCode = code;
        }
        ex.getResponseHeaders().set("Location", q.get("redirect_uri") + "?code=" + enc(code) + "&state="
                + enc(q.get("state")));
        return new Answer(302, "");
    }

    private Answer token(Map<String, String> f) {
        if (!"authorization_code".equals(f.get("grant_type"))) {
            return error(400, "invalid_request", "A required parameter \"grant_type\" is missing or invalid");
        }
        if (!CLIENT_ID.equals(f.get("client_id")) || !CLIENT_SECRET.equals(f.get("client_secret"))) {
            return error(401, "invalid_client", "Client authentication failed");
        }
        Code c = codes.remove(f.getOrDefault("code", ""));
        if (c == null) {
            return error(400, "invalid_request", "Unable to retrieve access token: authorization code not found");
        }
        boolean verifierOk = c.challenge() == null
                || c.challenge().equals(Pkce.challenge(f.getOrDefault("code_verifier", "")));
        if (!c.redirectUri().equals(f.get("redirect_uri")) || !verifierOk) {
            return error(400, "invalid_request", "Unable to retrieve access token: appid/redirect uri/code verifier "
                    + "does not match authorization code. Or authorization code expired.");
        }
        return Answer.json(200, Map.of("access_token", FakeLinkedIn.TOKEN, "expires_in", 5_184_000,
                "scope", c.scope().replace(' ', ','), "token_type", "Bearer"));
    }

    private static Answer error(int status, String error, String description) {
        return Answer.json(status, Map.of("error", error, "error_description", description));
    }

    private static Map<String, String> decode(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            m.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
