package org.cristal.ui.publish;

import java.time.Duration;
import java.util.Locale;
import org.cristal.library.Workspace;
import org.cristal.publish.SecretStoreException;
import org.cristal.publish.oauth.Browser;
import org.cristal.publish.oauth.Connector;
import org.cristal.publish.spi.PublishException;

/**
 * The studio tests' Connect: the core's real {@link Connector} (registration, loopback receiver, code
 * exchange, places, saving), only with a one-minute wait instead of five so a broken test ends sooner.
 */
public final class LoopbackConnecting implements Connecting {
    private final Connecting core;

    public LoopbackConnecting(Publishing publishing, Workspace ws, Browser browser, Locale locale) {
        this.core = Connecting.of(new Connector(ws, publishing.plugins(ws), publishing.secrets(), publishing.clock(),
                browser, locale, Duration.ofSeconds(60)));
    }

    @Override
    public Connector.Result connect(String accountId, Connector.Chooser chooser) throws PublishException {
        return core.connect(accountId, chooser);
    }

    @Override
    public void cancel() {
        core.cancel();
    }

    @Override
    public boolean isConnected(String accountId) throws SecretStoreException {
        return core.isConnected(accountId);
    }

    @Override
    public void disconnect(String accountId) throws SecretStoreException {
        core.disconnect(accountId);
    }
}
