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

    /** Where the consent page is and who trades the code, once the redirect URI is known. */
    public record Consent(URI authorizationEndpoint, TokenClient tokens, String clientId, String scope,
            Map<String, String> extra) {
    }

    /**
     * Works out the {@link Consent} for the loopback redirect URI: a service that registers the app per
     * server (Mastodon) does it here, with the very URI the browser will come back to.
     */
    @FunctionalInterface
    public interface Setup {
        Consent at(String redirectUri) throws PublishException;
    }

    /**
     * Connects through the loopback receiver on {@code port} (0: any free one).
     *
     * @throws PublishException permanent when the port is taken or the browser does not open, the service's
     *                          refusal, a timeout, or {@code CANCELLED}
     */
    public Grant connect(int port, Setup setup) throws PublishException {
        Pkce pkce = Pkce.create(random);
        String state = Pkce.state(random);
        LoopbackReceiver r;
        try {
            r = LoopbackReceiver.start(state, locale, port);
        } catch (IOException e) {
            throw PublishException.permanent(port == 0 ? OAuthText.of("publish.oauth.noReceiver")
                    : OAuthText.of("publish.connect.portTaken", Integer.toString(port)));
        }
        receiver = r;
        try {
            if (cancelled) {
                throw PublishException.cancelled();
            }
            Consent consent = setup.at(r.redirectUri());
            if (cancelled) {
                throw PublishException.cancelled();
            }
            String code;
            try {
                browser.open(AuthorizationRequest.build(consent.authorizationEndpoint(), consent.clientId(),
                        r.redirectUri(), consent.scope(), state, pkce.challenge(), consent.extra()));
            } catch (IOException e) {
                throw PublishException.permanent(OAuthText.of("publish.oauth.noBrowser"));
            }
            code = r.await(wait);
            return consent.tokens().exchange(code, pkce.verifier(), r.redirectUri());
        } finally {
            r.close();
        }
    }

    public void cancel() {
        cancelled = true;
        LoopbackReceiver r = receiver;
        if (r != null) {
            r.cancel();
        }
    }
}
