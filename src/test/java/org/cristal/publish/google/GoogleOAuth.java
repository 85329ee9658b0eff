package org.cristal.publish.google;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.cristal.publish.oauth.Pkce;
import org.cristal.publish.social.FakeService.Answer;

/**
 * The OAuth 2.0 side of {@link FakeBusinessProfile}, as Google documents it for a "Desktop app" client: the
 * consent page ({@code GET /o/oauth2/v2/auth}) takes a redirect URI on any loopback port, and gives a refresh
 * token only with {@code access_type=offline} and {@code prompt=consent}; the token endpoint
 * ({@code POST /token}) wants the client secret and the PKCE verifier, takes each code once, issues access
 * tokens for 3599 seconds and refreshes them without rotating the refresh token.
 */
final class GoogleOAuth {
    static final String CLIENT_ID = "4242-desktop.apps.googleusercontent.com";
    static final String CLIENT_SECRET = "GOCSPX-notReallySecret77";
    static final String REFRESH_TOKEN = "1//09googleRefreshTokenXyZ";

    private record Code(String challenge, String redirectUri, String scope) {
    }

    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final AtomicInteger serial = new AtomicInteger();
    /** Access tokens issued, each good until the test says otherwise (Google's hour is the client's to watch). */
    final Set<String> tokens = ConcurrentHashMap.newKeySet();
    /** The consent page's query as the browser opened it. */
    volatile Map<String, String> lastConsent = Map.of();
    final AtomicInteger refreshes = new AtomicInteger();

    Answer handle(HttpExchange ex, String endpoint, byte[] body) {
        return switch (endpoint) {
            case "GET /o/oauth2/v2/auth" -> consent(ex, decode(ex.getRequestURI().getRawQuery()));
            case "POST /token" -> token(decode(new String(body, StandardCharsets.UTF_8)));
            default -> null;
        };
    }

    boolean accepts(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ")
                && tokens.contains(authorization.substring(7));
    }

    private Answer consent(HttpExchange ex, Map<String, String> q) {
        lastConsent = Map.copyOf(q);
        String redirect = q.getOrDefault("redirect_uri", "");
        if (!CLIENT_ID.equals(q.get("client_id"))) {
            return new Answer(401, "Error 401: invalid_client. The OAuth client was not found.");
        }
        if (!redirect.matches("http://(127\\.0\\.0\\.1|\\[::1\\]|localhost):\\d{1,5}(/.*)?")) {
            return new Answer(400, "Error 400: redirect_uri_mismatch");
        }
        if (!"code".equals(q.get("response_type")) || !GoogleConnect.SCOPE.equals(q.get("scope"))
                || !"offline".equals(q.get("access_type")) || !"consent".equals(q.get("prompt"))
                || !"S256".equals(q.get("code_challenge_method")) || q.getOrDefault("code_challenge", "").isBlank()
                || q.getOrDefault("state", "").isBlank()) {
            return new Answer(400, "Error 400: invalid_request");
        }
        String code = "4/0AeanS0Google-code-" + serial.incrementAndGet();
        codes.put(code, new Code(q.get("code_challenge"), redirect, q.get("scope")));
        ex.getResponseHeaders().set("Location", redirect + "?state=" + enc(q.get("state")) + "&code=" + enc(code)
                + "&scope=" + enc(q.get("scope")));
        return new Answer(302, "");
    }

    private Answer token(Map<String, String> f) {
        if (!CLIENT_ID.equals(f.get("client_id")) || !CLIENT_SECRET.equals(f.get("client_secret"))) {
            return error(401, "invalid_client", "Unauthorized");
        }
        switch (f.getOrDefault("grant_type", "")) {
            case "authorization_code" -> {
                Code c = codes.remove(f.getOrDefault("code", ""));
                if (c == null || !c.redirectUri().equals(f.get("redirect_uri"))
                        || !c.challenge().equals(Pkce.challenge(f.getOrDefault("code_verifier", "")))) {
                    return error(400, "invalid_grant", "Bad Request");
                }
                return issue(c.scope(), true);
            }
            case "refresh_token" -> {
                if (!REFRESH_TOKEN.equals(f.get("refresh_token"))) {
                    return error(400, "invalid_grant", "Token has been expired or revoked.");
                }
                refreshes.incrementAndGet();
                return issue(GoogleConnect.SCOPE, false);
            }
            default -> {
                return error(400, "unsupported_grant_type", "Invalid grant_type: " + f.get("grant_type"));
            }
        }
    }

    private Answer issue(String scope, boolean withRefresh) {
        String access = "ya29.a0Google-access-" + serial.incrementAndGet();
        tokens.add(access);
        Map<String, Object> m = new HashMap<>(Map.of("access_token", access, "expires_in", 3599, "scope", scope,
                "token_type", "Bearer"));
        if (withRefresh) {
            m.put("refresh_token", REFRESH_TOKEN);
        }
        return Answer.json(200, m);
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
