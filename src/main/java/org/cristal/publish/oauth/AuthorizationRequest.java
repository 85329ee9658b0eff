package org.cristal.publish.oauth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The address of the service's consent page for one connection attempt (RFC 6749 §4.1.1, RFC 7636 §4.3). */
public final class AuthorizationRequest {
    private AuthorizationRequest() {
    }

    /**
     * @param extra what a service needs beyond the standard (e.g. {@code access_type=offline} for Google);
     *              it cannot override the standard parameters
     */
    public static URI build(URI endpoint, String clientId, String redirectUri, String scope, String state,
            String challenge, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>(extra);
        params.put("response_type", "code");
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri);
        if (scope != null && !scope.isBlank()) {
            params.put("scope", scope);
        }
        params.put("state", state);
        params.put("code_challenge", challenge);
        params.put("code_challenge_method", "S256");
        String query = form(params);
        String base = endpoint.toString();
        return URI.create(base + (endpoint.getRawQuery() == null ? "?" : "&") + query);
    }

    /** application/x-www-form-urlencoded, also the body of a token request. */
    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
