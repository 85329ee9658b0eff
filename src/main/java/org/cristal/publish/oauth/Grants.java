package org.cristal.publish.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.cristal.publish.SecretStore;
import org.cristal.publish.SecretStoreException;
import org.cristal.publish.spi.PublishException;

/**
 * An account's grant in the {@link SecretStore} (never the workspace), and a valid access token when a
 * plugin needs one: refreshed ahead of expiry so a post never starts with a token about to lapse.
 */
public final class Grants {
    public static final String ACCESS = "oauth.accessToken";
    public static final String REFRESH = "oauth.refreshToken";
    public static final String EXPIRES = "oauth.expiresAt";
    public static final String SCOPE = "oauth.scope";
    /** Refresh this long before expiry: covers a slow upload and a clock a little off. */
    public static final Duration MARGIN = Duration.ofMinutes(5);

    private final SecretStore store;
    private final Clock clock;

    public Grants(SecretStore store, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
    }

    public void save(String accountId, Grant grant) throws SecretStoreException {
        store.put(accountId, ACCESS, grant.accessToken());
        put(accountId, REFRESH, grant.refreshToken());
        put(accountId, EXPIRES, grant.expiresAt() == null ? null : grant.expiresAt().toString());
        put(accountId, SCOPE, grant.scope().isEmpty() ? null : grant.scope());
    }

    public Optional<Grant> load(String accountId) throws SecretStoreException {
        Optional<String> access = store.get(accountId, ACCESS);
        if (access.isEmpty()) {
            return Optional.empty();
        }
        Instant expires = store.get(accountId, EXPIRES).map(Grants::instant).orElse(null);
        return Optional.of(new Grant(access.get(), store.get(accountId, REFRESH).orElse(null), expires,
                store.get(accountId, SCOPE).orElse("")));
    }

    /** Forgets the grant (the user disconnects the account). */
    public void remove(String accountId) throws SecretStoreException {
        for (String key : new String[] {ACCESS, REFRESH, EXPIRES, SCOPE}) {
            store.remove(accountId, key);
        }
    }

    /**
     * The account's grant, refreshed first when it expires within {@link #MARGIN}. No grant, no refresh
     * token or a refused one: {@link Reconnect}. A transient failure of the refresh stays transient, so the
     * outbox simply tries again later.
     */
    public Grant fresh(String accountId, TokenClient tokens) throws PublishException, SecretStoreException {
        return fresh(accountId, load(accountId).orElseThrow(() -> new Reconnect(tokens.account())), tokens);
    }

    /** {@code grant}, the account's as just loaded, refreshed first when it expires within {@link #MARGIN}. */
    public Grant fresh(String accountId, Grant grant, TokenClient tokens) throws PublishException, SecretStoreException {
        if (!grant.expiresWithin(MARGIN, clock.instant())) {
            return grant;
        }
        Grant renewed = tokens.refresh(grant);
        save(accountId, renewed);
        return renewed;
    }

    private void put(String accountId, String key, String value) throws SecretStoreException {
        if (value == null) {
            store.remove(accountId, key);
        } else {
            store.put(accountId, key, value);
        }
    }

    private static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.EPOCH; // unreadable: treat as expired, a refresh puts it right
        }
    }
}
