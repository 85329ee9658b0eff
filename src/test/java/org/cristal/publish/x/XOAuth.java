package org.cristal.publish.x;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.cristal.publish.oauth.Pkce;
import org.cristal.publish.social.FakeService.Answer;

/**
 * The OAuth 2.0 side of {@link FakeX}, as X documents it for a confidential app: the consent page
 * ({@code GET /i/oauth2/authorize}) redirects only to the callback URL registered, port and all; the token
 * endpoint ({@code POST /2/oauth2/token}) wants the client id and secret in HTTP Basic, checks PKCE, issues
 * tokens for two hours with a refresh token ({@code offline.access}) that it rotates on every use.
 */
final class XOAuth {
    static final String CLIENT_ID = "cristal-x-client";
    static final String CLIENT_SECRET = "x-client-secret-4f1d";
    static final Set<String> SCOPES = Set.of("tweet.read", "tweet.write", "users.read", "offline.access");

    private record Code(String challenge, String redirectUri, String scope) {
    }

    /** The one callback URL registered with the app in the developer portal. */
    volatile String registeredCallback;
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    final Set<String> tokens = ConcurrentHashMap.newKeySet();
    /** Every token request's form body and Authorization header, to check how the client authenticated. */
    final List<String> tokenBodies = new CopyOnWriteArrayList<>();
    final List<String> tokenAuthorizations = new CopyOnWriteArrayList<>();
    final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger serial = new AtomicInteger();

    Answer handle(HttpExchange ex, String endpoint, byte[] body) {
        return switch (endpoint) {
            case "GET /i/oauth2/authorize" -> authorize(ex, decode(ex.getRequestURI().getRawQuery()));
            case "POST /2/oauth2/token" -> token(ex, new String(body, StandardCharsets.UTF_8));
            default -> null;
        };
    }

    boolean accepts(String bearer) {
        return bearer != null && bearer.startsWith("Bearer ") && tokens.contains(bearer.substring(7));
    }

    /** The user revokes the app: no token and no refresh token works any more. */
    void revokeAll() {
        tokens.clear();
        refreshTokens.clear();
    }

    private Answer authorize(HttpExchange ex, Map<String, String> q) {
        String redirect = q.getOrDefault("redirect_uri", "");
        String scope = q.getOrDefault("scope", "");
        if (!CLIENT_ID.equals(q.get("client_id")) || !redirect.equals(registeredCallback)
                || !SCOPES.containsAll(List.of(scope.split(" "))) || !"S256".equals(q.get("code_challenge_method"))
                || q.getOrDefault("state", "").isBlank()) {
            return new Answer(400, "{\"error\":\"invalid_request\"}");
        }
        String code = "xcode-" + serial.incrementAndGet();
        codes.put(code, new Code(q.get("code_challenge"), redirect, scope));
        ex.getResponseHeaders().set("Location", redirect + "?state=" + enc(q.get("state")) + "&code=" + enc(code));
        return new Answer(302, "");
    }

    private Answer token(HttpExchange ex, String raw) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        tokenBodies.add(raw);
        tokenAuthorizations.add(String.valueOf(auth));
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(auth)) {
            return new Answer(401, "{\"error\":\"unauthorized_client\",\"error_description\":\"Missing valid authorization header\"}");
        }
        Map<String, String> f = decode(raw);
        switch (f.getOrDefault("grant_type", "")) {
            case "authorization_code" -> {
                Code c = codes.remove(f.getOrDefault("code", ""));
                if (c == null || !Pkce.challenge(f.getOrDefault("code_verifier", "")).equals(c.challenge())
                        || !c.redirectUri().equals(f.get("redirect_uri"))) {
                    return invalidGrant();
                }
                return issue(c.scope());
            }
            case "refresh_token" -> {
                String scope = refreshTokens.remove(f.getOrDefault("refresh_token", ""));
                if (scope == null) {
                    return invalidGrant();
                }
                refreshes.incrementAndGet();
                return issue(scope);
            }
            default -> {
                return new Answer(400, "{\"error\":\"unsupported_grant_type\"}");
            }
        }
    }

    private Answer issue(String scope) {
        int n = serial.incrementAndGet();
        String access = "x-access-" + n;
        String refresh = "x-refresh-" + n;
        tokens.add(access);
        refreshTokens.put(refresh, scope);
        return Answer.json(200, Map.of("token_type", "bearer", "expires_in", 7200, "access_token", access,
                "scope", scope, "refresh_token", refresh));
    }

    private static Answer invalidGrant() {
        return new Answer(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Value passed for the token was invalid.\"}");
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
