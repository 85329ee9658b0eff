package org.cristal.publish.oauth;

import org.cristal.publish.spi.PublishException;

/**
 * The service no longer accepts the account's grant (revoked in its settings, refresh token expired, a code
 * replayed): only the user can fix it, by connecting again. Distinct from a refused post, so the outbox can
 * keep a scheduled post waiting for the reconnection instead of failing it for good.
 */
public final class Reconnect extends PublishException {
    private static final long serialVersionUID = 1L;

    private final String account;

    public Reconnect(String account) {
        super(Kind.AUTH, OAuthText.of("publish.oauth.reconnect", account), null, null);
        this.account = account;
    }

    /** The account's name as the user knows it. */
    public String account() {
        return account;
    }
}
