package org.cristal.publish.oauth;

import org.cristal.publish.spi.LocalText;
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
        this(account, OAuthText.of("publish.oauth.reconnect", account));
    }

    private Reconnect(String account, LocalText text) {
        super(Kind.AUTH, text, null, null);
        this.account = account;
    }

    /** The account was never connected (or was disconnected), and has no pasted token to fall back on. */
    public static Reconnect first(String account) {
        return new Reconnect(account, OAuthText.of("publish.connect.first", account));
    }

    /** The service refused the token a plugin sent: its words, as a reason to reconnect. */
    public static Reconnect refused(String account, LocalText said) {
        return new Reconnect(account, OAuthText.of("publish.connect.reconnectSaid", account, said));
    }

    /** The account's name as the user knows it. */
    public String account() {
        return account;
    }
}
