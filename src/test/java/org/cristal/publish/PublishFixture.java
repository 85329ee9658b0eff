package org.cristal.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Importer;
import org.cristal.library.OutboxEntry;
import org.cristal.library.Workspace;
import org.cristal.publish.export.ExportFolderPlugin;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.webhook.WebhookPlugin;
import org.cristal.support.Corpus;

/**
 * A real workspace file with the corpus imported, a webhook account pointing at a loopback receiver, its
 * signing secret in a secret store, and a publisher on a clock the test moves.
 */
final class PublishFixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String STORY = "boulangerie-levain";
    static final String SECRET = "whsec-levain-2026";

    final MutableClock clock = new MutableClock(T0);
    final Path file;
    final Workspace ws;
    final MapSecrets secrets = new MapSecrets();
    final WebhookReceiver receiver;
    final List<ChannelPlugin> plugins = new CopyOnWriteArrayList<>(List.of(new WebhookPlugin(),
            new ExportFolderPlugin()));
    final Publisher publisher;

    PublishFixture(Path dir) throws IOException {
        file = dir.resolve("levain.cristal");
        ws = Workspace.open(file, clock);
        new Importer(ws, Locale.ENGLISH).importFolder(Corpus.root());
        receiver = new WebhookReceiver(SECRET, clock);
        ws.channelAccounts().save(ChannelAccount.of("hook", "webhook", "Zapier (levain)",
                Map.of("url", receiver.url(), "timeoutSeconds", "2")));
        secrets.put("hook", "secret", SECRET);
        publisher = new Publisher(ws, () -> plugins, secrets, clock, () -> 0.0);
    }

    OutboxEntry queueNow() {
        return publisher.queue(STORY, "hook", clock.instant(), PARIS);
    }

    OutboxEntry entry(long id) {
        return ws.outbox().get(id).orElseThrow();
    }

    @Override
    public void close() {
        receiver.close();
        ws.close();
    }
}
