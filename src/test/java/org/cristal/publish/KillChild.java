package org.cristal.publish;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.cristal.library.Workspace;
import org.cristal.publish.webhook.WebhookPlugin;

/**
 * The process the kill test kills: opens the workspace and sends one outbox entry through the webhook
 * plugin, as {@code cristal publish due} would. Arguments: workspace file, entry id, the instant to use as
 * now. The signing secret comes from the environment, never the command line.
 */
public final class KillChild {
    private KillChild() {
    }

    public static void main(String[] args) {
        Clock clock = Clock.fixed(Instant.parse(args[2]), ZoneOffset.UTC);
        MapSecrets secrets = new MapSecrets();
        secrets.put("hook", "secret", System.getenv("CRISTAL_TEST_SECRET"));
        try (Workspace ws = Workspace.open(Path.of(args[0]), clock)) {
            Publisher p = new Publisher(ws, () -> List.of(new WebhookPlugin()), secrets, clock);
            Outcome o = p.send(Long.parseLong(args[1]), Progress.NONE, () -> false);
            // Reached only if the test failed to kill us in time.
            System.out.println("finished: " + o.entry().state());
        }
    }
}
