package org.cristal.publish.mastodon;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * The OAuth side of {@link FakeMastodon}, as Mastodon (Doorkeeper) does it: {@code POST /api/v1/apps}
 * registers an app for one redirect URI and scopes; {@code GET /oauth/authorize} consents at once and
 * redirects with a code only for that exact redirect URI; {@code POST /oauth/token} checks the app's id and
 * secret, the PKCE verifier and the redirect URI, refuses a replayed code, and issues a token that does not
 * expire. {@link #revokeAll()} is the user removing Cristal from "Authorized apps".
 */
final class MastodonOAuth {
    record App(String id, String secret, String redirectUri, Set<String> scopes) {
    }

    private record Code(App app, String challenge, String redirectUri) {
    }

    final List<App> apps = new CopyOnWriteArrayList<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Set<String> usedCodes = ConcurrentHashMap.newKeySet();
    final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger serial = new AtomicInteger();

    /** Whether this instance's OAuth handles the endpoint; {@code null} when it does not. */
    Answer handle(HttpExchange ex, String endpoint, byte[] body) {
        return switch (endpoint) {
            case "POST /api/v1/apps" -> register(FakeMastodon.JSON_OR_FORM.apply(ex, body));
            case "GET /oauth/authorize" -> authorize(ex, decode(ex.getRequestURI().getRawQuery()));
            case "POST /oauth/token" -> token(decode(new String(body, StandardCharsets.UTF_8)));
            default -> null;
        };
    }

    boolean accepts(String bearer) {
        return bearer != null && bearer.startsWith("Bearer ") && tokens.contains(bearer.substring(7));
    }

    void revokeAll() {
        tokens.clear();
    }

    private Answer register(Map<String, String> f) {
        String redirect = f.getOrDefault("redirect_uris", "");
        if (f.getOrDefault("client_name", "").isBlank() || redirect.isBlank()) {
            return Answer.json(422, Map.of("error", "Validation failed: Application name can’t be blank"));
        }
        int n = serial.incrementAndGet();
        App app = new App("app-" + n, "app-secret-" + n, redirect,
                Set.copyOf(Arrays.asList(f.getOrDefault("scopes", "read").split(" "))));
        apps.add(app);
        return Answer.json(200, Map.of("id", String.valueOf(n), "name", f.get("client_name"), "redirect_uri", redirect,
                "client_id", app.id(), "client_secret", app.secret()));
    }

    private Answer authorize(HttpExchange ex, Map<String, String> q) {
        App app = apps.stream().filter(a -> a.id().equals(q.get("client_id"))).findFirst().orElse(null);
        String redirect = q.getOrDefault("redirect_uri", "");
        if (app == null || !app.redirectUri().equals(redirect) || !"code".equals(q.get("response_type"))
                || !app.scopes().containsAll(Arrays.asList(q.getOrDefault("scope", "").split(" ")))
                || !"S256".equals(q.get("code_challenge_method")) || q.getOrDefault("state", "").isBlank()) {
            return new Answer(400, "{\"error\":\"invalid_request\"}");
        }
        String code = "mcode-" + serial.incrementAndGet();
        codes.put(code, new Code(app, q.get("code_challenge"), redirect));
        ex.getResponseHeaders().set("Location", redirect + "?code=" + enc(code) + "&state=" + enc(q.get("state")));
        return new Answer(302, "");
    }

    private Answer token(Map<String, String> f) {
        String code = f.getOrDefault("code", "");
        Code c = codes.get(code);
        if (c == null || !usedCodes.add(code) || !"authorization_code".equals(f.get("grant_type"))) {
            return error("invalid_grant");
        }
        if (!c.app().id().equals(f.get("client_id")) || !c.app().secret().equals(f.get("client_secret"))) {
            return new Answer(401, "{\"error\":\"invalid_client\"}");
        }
        if (!Pkce.challenge(f.getOrDefault("code_verifier", "")).equals(c.challenge())
                || !c.redirectUri().equals(f.get("redirect_uri"))) {
            return error("invalid_grant");
        }
        String token = "granted-" + serial.incrementAndGet();
        tokens.add(token);
        return Answer.json(200, Map.of("access_token", token, "token_type", "Bearer",
                "scope", String.join(" ", c.app().scopes()), "created_at", 1_700_000_000));
    }

    private static Answer error(String error) {
        return new Answer(400, "{\"error\":\"" + error + "\",\"error_description\":\"The provided authorization "
                + "grant is invalid, expired, revoked, does not match the redirection URI used in the "
                + "authorization request, or was issued to another client.\"}");
    }

    static Map<String, String> decode(String raw) {
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
