package org.cristal.ui.publish;

import java.time.Duration;
import java.util.Locale;
import org.cristal.library.Workspace;
import org.cristal.publish.oauth.Browser;
import org.cristal.publish.oauth.Connector;

/**
 * The studio tests' Connect: the core's real {@link Connector} (registration, loopback receiver, code
 * exchange, places, saving), only with a one-minute wait instead of five so a broken test ends sooner.
 */
public final class LoopbackConnecting {
    private LoopbackConnecting() {
    }

    /** A {@link Connecting.Factory}: {@code publishing.withConnecting(LoopbackConnecting::open)}. */
    public static Connecting open(Publishing publishing, Workspace ws, Browser browser, Locale locale) {
        return Connecting.of(new Connector(ws, publishing.plugins(ws), publishing.secrets(), publishing.clock(),
                browser, locale, Duration.ofSeconds(60)));
    }
}
