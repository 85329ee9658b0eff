package org.cristal.support;

import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the JavaFX toolkit when the test run ends, before the test JVM exits. Left running, the toolkit's
 * web engines are torn down by the C library's exit handlers instead, and WebKit can abort the JVM there
 * (CI saw the test JVM end with "Aborted" after every test had passed, failing the build). Registered in
 * META-INF/services; does nothing when no test started the toolkit.
 */
public final class FxShutdown implements LauncherSessionListener {
    private static final String FX_THREAD = "JavaFX Application Thread";

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Thread fx = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> FX_THREAD.equals(t.getName()) && t.isAlive()).findFirst().orElse(null);
        if (fx == null) {
            return;
        }
        try {
            Platform.exit();
            fx.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The toolkit was already going away: nothing left to stop.
        }
    }
}
