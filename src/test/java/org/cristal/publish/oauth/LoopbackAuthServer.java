package org.cristal.publish.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OAuth 2.0 authorization server on loopback speaking the standard JSON (RFC 6749, RFC 7636): the
 * consent page ({@code GET /authorize}) consents at once and redirects with a code; the token endpoint
 * ({@code POST /token}) checks the PKCE verifier, the exact redirect URI and the client, refuses a replayed
 * code, issues refresh tokens and rotates them on every refresh. {@link #revoke} withdraws a refresh token,
 * as a user does in the service's settings.
 */
final class LoopbackAuthServer implements AutoCloseable {
    static final String CLIENT_ID = "cristal-test";
    static final Set<String> SCOPES = Set.of("read", "write", "profile");

    private record Issued(String challenge, String redirectUri, String scope) {
    }

    private final HttpServer server;
    private final Map<String, Issued> codes = new ConcurrentHashMap<>();
    private final Set<String> usedCodes = ConcurrentHashMap.newKeySet();
    /** Live refresh tokens and their scope. */
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger serial = new AtomicInteger();
    final AtomicInteger refreshes = new AtomicInteger();
    volatile long expiresIn = 3600;
    /** When set, the consent page answers as if the user clicked "Deny". */
    volatile boolean deny;
    /** When set, the token endpoint refuses with a text quoting what it was sent (some services do). */
    volatile boolean echoSecretsInErrors;

    LoopbackAuthServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    URI authorizationEndpoint() {
        return URI.create(base() + "/authorize");
    }

    URI tokenEndpoint() {
        return URI.create(base() + "/token");
    }

    void revoke(String refreshToken) {
        refreshTokens.remove(refreshToken);
    }

    boolean accepts(String accessToken) {
        return accessTokens.contains(accessToken);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = decode(ex.getRequestURI().getRawQuery());
        String redirect = q.getOrDefault("redirect_uri", "");
        String scope = q.getOrDefault("scope", "");
        boolean scopeOk = !scope.isBlank() && SCOPES.containsAll(Arrays.asList(scope.split(" ")));
        // RFC 8252 §7.3: any port on the loopback IP literal, the path as registered.
        boolean redirectOk = redirect.matches("http://127\\.0\\.0\\.1:\\d+/callback");
        if (!"code".equals(q.get("response_type")) || !CLIENT_ID.equals(q.get("client_id")) || !redirectOk
                || !scopeOk || q.getOrDefault("state", "").isBlank() || !"S256".equals(q.get("code_challenge_method"))
                || q.getOrDefault("code_challenge", "").length() != 43) {
            respond(ex, 400, "text/plain", "bad authorization request");
            return;
        }
        String to;
        if (deny) {
            to = redirect + "?error=access_denied&error_description=" + enc("The user refused") + "&state="
                    + enc(q.get("state"));
        } else {
            String code = "code-" + serial.incrementAndGet();
            codes.put(code, new Issued(q.get("code_challenge"), redirect, scope));
            to = redirect + "?code=" + enc(code) + "&state=" + enc(q.get("state"));
        }
        ex.getResponseHeaders().set("Location", to);
        respond(ex, 302, "text/plain", "");
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> f = decode(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"POST".equals(ex.getRequestMethod())
                || !ex.getRequestHeaders().getFirst("Content-Type").startsWith("application/x-www-form-urlencoded")) {
            error(ex, 400, "invalid_request", "form POST expected");
            return;
        }
        if (!CLIENT_ID.equals(f.get("client_id"))) {
            error(ex, 401, "invalid_client", "unknown client");
            return;
        }
        if (echoSecretsInErrors) {
            error(ex, 400, "invalid_request", "cannot use " + f.get("code") + " " + f.get("refresh_token")
                    + " with " + f.get("code_verifier"));
            return;
        }
        switch (f.getOrDefault("grant_type", "")) {
            case "authorization_code" -> {
                String code = f.getOrDefault("code", "");
                Issued issued = codes.get(code);
                if (issued == null || !usedCodes.add(code)) {
                    error(ex, 400, "invalid_grant", "code unknown or already used");
                } else if (!Pkce.challenge(f.getOrDefault("code_verifier", "")).equals(issued.challenge())) {
                    error(ex, 400, "invalid_grant", "PKCE verification failed");
                } else if (!issued.redirectUri().equals(f.get("redirect_uri"))) {
                    error(ex, 400, "invalid_grant", "redirect_uri does not match");
                } else {
                    issue(ex, issued.scope());
                }
            }
            case "refresh_token" -> {
                String scope = refreshTokens.remove(f.getOrDefault("refresh_token", ""));
                if (scope == null) {
                    error(ex, 400, "invalid_grant", "refresh token revoked or unknown");
                } else {
                    refreshes.incrementAndGet();
                    issue(ex, scope);
                }
            }
            default -> error(ex, 400, "unsupported_grant_type", "");
        }
    }

    private void issue(HttpExchange ex, String scope) throws IOException {
        int n = serial.incrementAndGet();
        String access = "access-" + n;
        String refresh = "refresh-" + n;
        accessTokens.add(access);
        refreshTokens.put(refresh, scope);
        respond(ex, 200, "application/json", "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\","
                + "\"expires_in\":" + expiresIn + ",\"refresh_token\":\"" + refresh + "\",\"scope\":\"" + scope + "\"}");
    }

    private static void error(HttpExchange ex, int status, String error, String description) throws IOException {
        respond(ex, status, "application/json",
                "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
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

    @Override
    public void close() {
        server.stop(0);
    }
}
