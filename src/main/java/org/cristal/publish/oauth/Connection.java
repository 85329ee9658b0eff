package org.cristal.publish.oauth;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.cristal.publish.spi.PublishException;

/**
 * One "Connect" of an account: PKCE and a state, a loopback receiver, the consent page in the browser, the
 * code traded for a {@link Grant}. Runs on a background thread; {@link #cancel()} ends it from any other.
 */
public final class Connection {
    /** Long enough to type a password and a second factor; short enough that a forgotten tab ends. */
    public static final Duration WAIT = Duration.ofMinutes(5);

    private final Browser browser;
    private final SecureRandom random;
    private final Locale locale;
    private final Duration wait;
    private volatile LoopbackReceiver receiver;
    private volatile boolean cancelled;

    public Connection(Browser browser, SecureRandom random, Locale locale, Duration wait) {
        this.browser = Objects.requireNonNull(browser);
        this.random = Objects.requireNonNull(random);
        this.locale = Objects.requireNonNull(locale);
        this.wait = Objects.requireNonNull(wait);
    }

    public Grant connect(URI authorizationEndpoint, TokenClient tokens, String clientId, String scope,
            Map<String, String> extra) throws PublishException {
        Pkce pkce = Pkce.create(random);
        String state = Pkce.state(random);
        LoopbackReceiver r;
        try {
            r = LoopbackReceiver.start(state, locale);
        } catch (IOException e) {
            throw PublishException.permanent(OAuthText.of("publish.oauth.noReceiver"));
        }
        receiver = r;
        if (cancelled) {
            r.cancel();
        }
        String code;
        try {
            browser.open(AuthorizationRequest.build(authorizationEndpoint, clientId, r.redirectUri(), scope, state,
                    pkce.challenge(), extra));
            code = r.await(wait);
        } catch (IOException e) {
            r.close();
            throw PublishException.permanent(OAuthText.of("publish.oauth.noBrowser"));
        }
        return tokens.exchange(code, pkce.verifier(), r.redirectUri());
    }

    public void cancel() {
        cancelled = true;
        LoopbackReceiver r = receiver;
        if (r != null) {
            r.cancel();
        }
    }
}
