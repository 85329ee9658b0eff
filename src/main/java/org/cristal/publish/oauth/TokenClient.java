package org.cristal.publish.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.cristal.publish.http.JsonHttp;
import org.cristal.publish.spi.PublishException;

/**
 * A service's token endpoint (RFC 6749 §4.1.3 and §6): trades the code for a {@link Grant}, and a refresh
 * token for a new one. Codes, verifiers and tokens are blanked from anything the service says back, so no
 * secret reaches a message. {@code invalid_grant} becomes {@link Reconnect}; other refusals are permanent,
 * 429 and 5xx transient, as for any call of {@link JsonHttp}.
 */
public final class TokenClient {
    private final String service;
    private final String account;
    private final URI endpoint;
    private final String clientId;
    private final String clientSecret;
    private final boolean basicAuth;
    private final Clock clock;

    /**
     * @param service      the service's name for messages ("Mastodon")
     * @param account      the account's name for the "reconnect" message
     * @param clientSecret null for a public client (a native app has no real secret, RFC 8252 §8.5); some
     *                     services still ask for the one of the user's own app
     */
    public TokenClient(String service, String account, URI endpoint, String clientId, String clientSecret,
            Clock clock) {
        this(service, account, endpoint, clientId, clientSecret, false, clock);
    }

    /**
     * @param basicAuth with a secret, the client authenticates with HTTP Basic (RFC 6749 §2.3.1), as X wants
     *                  of a confidential app, instead of {@code client_id} and {@code client_secret} in the body
     */
    public TokenClient(String service, String account, URI endpoint, String clientId, String clientSecret,
            boolean basicAuth, Clock clock) {
        this.service = Objects.requireNonNull(service);
        this.account = Objects.requireNonNull(account);
        this.endpoint = Objects.requireNonNull(endpoint);
        this.clientId = Objects.requireNonNull(clientId);
        this.clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret;
        this.basicAuth = basicAuth;
        this.clock = Objects.requireNonNull(clock);
    }

    /** The token endpoint of a plugin's {@link OAuthSpec}, for the account named {@code account}. */
    public static TokenClient of(String service, String account, org.cristal.publish.spi.OAuthSpec spec, Clock clock) {
        return new TokenClient(service, account, spec.tokenEndpoint(), spec.clientId(), spec.clientSecret(),
                spec.basicAuth(), clock);
    }

    public String account() {
        return account;
    }

    /** Trades the code the receiver got; the same verifier and redirect URI as the authorization request. */
    public Grant exchange(String code, String verifier, String redirectUri) throws PublishException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", verifier);
        return call(form, null, code, verifier);
    }

    /** A new grant for {@code old}'s refresh token; keeps that token when the service does not rotate it. */
    public Grant refresh(Grant old) throws PublishException {
        if (old.refreshToken() == null) {
            throw new Reconnect(account);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", old.refreshToken());
        if (!old.scope().isBlank()) {
            form.put("scope", old.scope());
        }
        return call(form, old, old.refreshToken(), old.accessToken());
    }

    private Grant call(Map<String, String> form, Grant old, String... secrets) throws PublishException {
        boolean basic = basicAuth && clientSecret != null;
        String credentials = null;
        if (basic) {
            // RFC 6749 §2.3.1: each part form-encoded before the Base64, so a ':' in an id stays unambiguous.
            credentials = java.util.Base64.getEncoder().encodeToString((AuthorizationRequest.encode(clientId) + ":"
                    + AuthorizationRequest.encode(clientSecret)).getBytes(StandardCharsets.UTF_8));
        } else {
            form.put("client_id", clientId);
            if (clientSecret != null) {
                form.put("client_secret", clientSecret);
            }
        }
        String[] all = java.util.Arrays.copyOf(secrets, secrets.length + 2);
        all[secrets.length] = clientSecret;
        all[secrets.length + 1] = credentials;
        JsonHttp http = new JsonHttp(service, JsonHttp.REQUEST_TIMEOUT, clock, all);
        HttpRequest.Builder request = http.request(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(AuthorizationRequest.form(form), StandardCharsets.UTF_8));
        if (basic) {
            request.header("Authorization", "Basic " + credentials);
        }
        JsonHttp.Response r = http.exchange(request);
        if (!r.ok()) {
            if ((r.status() == 400 || r.status() == 401) && "invalid_grant".equals(r.errorCode())) {
                throw new Reconnect(account);
            }
            if (r.status() == 429 || r.status() >= 500) {
                throw http.failure(r.status(), r.body(), r.header("Retry-After"));
            }
            String said = http.serviceText(r.body());
            throw PublishException.permanent(said.isEmpty()
                    ? OAuthText.of("publish.oauth.refused", service, r.status())
                    : OAuthText.of("publish.oauth.refusedSaid", service, r.status(), said));
        }
        JsonNode json = r.json(http);
        String access = http.field(json, "access_token");
        String type = json.path("token_type").asText("bearer");
        if (!type.equalsIgnoreCase("bearer")) {
            throw http.unexpected();
        }
        String refresh = json.path("refresh_token").asText(null);
        if (refresh == null && old != null) {
            refresh = old.refreshToken();
        }
        JsonNode expires = json.path("expires_in");
        java.time.Instant at = expires.canConvertToLong() && expires.asLong() > 0
                ? clock.instant().plus(Duration.ofSeconds(expires.asLong())) : null;
        // A service that does not say the scope granted the one asked (RFC 6749 §5.1).
        String scope = json.path("scope").asText(old != null ? old.scope() : form.getOrDefault("scope", ""));
        return new Grant(access, refresh, at, scope);
    }
}
