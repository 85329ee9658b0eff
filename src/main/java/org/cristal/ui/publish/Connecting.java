package org.cristal.ui.publish;

import java.util.Locale;
import org.cristal.library.Workspace;
import org.cristal.publish.SecretStoreException;
import org.cristal.publish.oauth.Browser;
import org.cristal.publish.oauth.Connector;
import org.cristal.publish.spi.PublishException;

/**
 * What the account form needs of the core's {@link Connector}: the seam a test replaces with its own flow
 * against a loopback authorization server. Blocking calls: the form runs them off the FX thread.
 */
public interface Connecting {
    Connector.Result connect(String accountId, Connector.Chooser chooser) throws PublishException;

    /** Ends a {@link #connect} under way, from any thread. */
    void cancel();

    /** Who and where the account is connected as; empty when it is not connected. */
    java.util.Optional<Connector.Link> link(String accountId) throws SecretStoreException;

    void disconnect(String accountId) throws SecretStoreException;

    /** Makes the Connect of one workspace, opening consent pages with {@code browser}. */
    @FunctionalInterface
    interface Factory {
        Connecting open(Publishing publishing, Workspace ws, Browser browser, Locale locale);
    }

    /** The core's Connector. */
    Factory CORE = (publishing, ws, browser, locale) -> of(new Connector(ws, publishing.plugins(ws),
            publishing.secrets(), publishing.clock(), browser, locale));

    static Connecting of(Connector connector) {
        return new Connecting() {
            @Override
            public Connector.Result connect(String accountId, Connector.Chooser chooser) throws PublishException {
                return connector.connect(accountId, chooser);
            }

            @Override
            public void cancel() {
                connector.cancel();
            }

            @Override
            public java.util.Optional<Connector.Link> link(String accountId) throws SecretStoreException {
                return connector.link(accountId);
            }

            @Override
            public void disconnect(String accountId) throws SecretStoreException {
                connector.disconnect(accountId);
            }
        };
    }
}
