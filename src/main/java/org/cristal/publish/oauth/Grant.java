package org.cristal.publish.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a service granted: an access token, maybe a refresh token, when the access token expires (null when
 * the service did not say) and the scope it actually granted. {@link #toString()} never shows a token.
 */
public record Grant(String accessToken, String refreshToken, Instant expiresAt, String scope) {
    public Grant {
        Objects.requireNonNull(accessToken);
        scope = scope == null ? "" : scope;
    }

    /** Whether the access token is expired or will be within {@code margin} at {@code now}. */
    public boolean expiresWithin(Duration margin, Instant now) {
        return expiresAt != null && !now.plus(margin).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "Grant[expiresAt=" + expiresAt + ", scope=" + scope + ", refreshable=" + (refreshToken != null) + "]";
    }
}
