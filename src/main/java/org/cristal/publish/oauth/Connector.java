package org.cristal.publish.oauth;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Workspace;
import org.cristal.publish.PluginSource;
import org.cristal.publish.SecretStore;
import org.cristal.publish.SecretStoreException;
import org.cristal.publish.spi.Connected;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PublishException;

/**
 * The Connect of a saved channel account, from the studio's account form or {@code cristal channels connect}:
 * the plugin's {@link org.cristal.publish.spi.OAuthConnect} says where to go, this class registers when the
 * service needs it, opens the consent page through the {@link Browser}, waits for the loopback redirect,
 * trades the code, asks the plugin what was reached, lets the user choose where to post when there are
 * several places, and saves the choice with the account and the grant in the secret store. Blocking: run it
 * off the FX thread; {@link #cancel()} from any thread ends the wait.
 *
 * <p>CONTRACT FOR ISSUE 16 — the body is built by the "connect" part; the signatures are shared.
 */
public final class Connector {
    /**
     * Asks the user where to post when the grant reaches several places (Pages, organisations, locations).
     * Called on the connecting thread: the studio shows its dialog on the FX thread and waits for the answer.
     * Empty: the user gave up, nothing is saved.
     */
    @FunctionalInterface
    public interface Chooser {
        Optional<Connected.Target> choose(LocalText who, List<Connected.Target> targets);
    }

    /** What a Connect did: the account as saved, who it connected as, the place chosen (if any). */
    public record Result(ChannelAccount account, LocalText who, Optional<Connected.Target> target) {
    }

    private final Workspace ws;
    private final PluginSource plugins;
    private final SecretStore secrets;
    private final Clock clock;
    private final Browser browser;
    private final Locale locale;

    public Connector(Workspace ws, PluginSource plugins, SecretStore secrets, Clock clock, Browser browser,
            Locale locale) {
        this.ws = Objects.requireNonNull(ws);
        this.plugins = Objects.requireNonNull(plugins);
        this.secrets = Objects.requireNonNull(secrets);
        this.clock = Objects.requireNonNull(clock);
        this.browser = Objects.requireNonNull(browser);
        this.locale = Objects.requireNonNull(locale);
    }

    /**
     * Connects the saved account {@code accountId}. Outbox entries of this account waiting for a reconnection
     * become due again once it succeeds.
     *
     * @throws PublishException with a message for the user: no app id, the browser or port unavailable, the
     *                          user refused, the 5-minute wait ran out, the service refused the code, cancelled
     */
    public Result connect(String accountId, Chooser chooser) throws PublishException {
        throw new UnsupportedOperationException("issue 16: built by the connect part");
    }

    /** Ends a {@link #connect} under way; it then throws {@link PublishException#cancelled()}. */
    public void cancel() {
        throw new UnsupportedOperationException("issue 16: built by the connect part");
    }

    /** Whether the account has a grant stored (the form shows "Connected" and a Disconnect button). */
    public boolean isConnected(String accountId) throws SecretStoreException {
        return new Grants(secrets, clock).load(accountId).isPresent();
    }

    /** Forgets the account's grant and chosen place's secrets; its outbox entries then wait for a reconnection. */
    public void disconnect(String accountId) throws SecretStoreException {
        throw new UnsupportedOperationException("issue 16: built by the connect part");
    }
}
