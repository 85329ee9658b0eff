package org.cristal.ui.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cristal.library.OutboxEntry;
import org.cristal.library.Workspace;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Delivery;
import org.cristal.library.audience.Purpose;
import org.cristal.publish.MapSecrets;
import org.cristal.publish.PeriodicFetch;
import org.cristal.publish.newsletter.SmtpNewsletterPlugin;
import org.cristal.support.Corpus;
import org.cristal.ui.StudioModel;
import org.cristal.ui.model.FxThread;
import org.cristal.ui.model.Settings;
import org.cristal.ui.model.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Fetch results now" in the studio, on a real workspace file, without the toolkit: off the FX thread, heard on it. */
class ResultsInTheStudioTest {
    @TempDir
    Path dir;
    FxThread fx;
    StudioModel studio;
    long entry;

    @BeforeEach
    void start() throws Exception {
        Path file = dir.resolve("client.cristal");
        try (Workspace ws = Workspace.open(file)) {
            String story = ws.stories().save("", Files.readString(Corpus.story("boulangerie-levain.md")), "").id();
            Instant at = Instant.now().minusSeconds(3600);
            OutboxEntry e = ws.outbox().add(new OutboxEntry.New("k-letter", story, 1, "lettre", "smtp-newsletter",
                    "email", "", at, ZoneOffset.UTC));
            ws.outbox().claim(e.id());
            ws.outbox().sent(e.id(), "", "", at, 2);
            entry = e.id();
            for (String email : List.of("anne@example.org", "paul@example.org")) {
                long contact = ws.audience().contacts().save(ContactDraft.of(email)).contact().id();
                ws.audience().deliveries().record(contact, e.id(), story, ContactChannel.EMAIL, Purpose.MARKETING,
                        Delivery.Outcome.SENT, "");
            }
        }
        fx = new FxThread();
        ResourceBundle text = ResourceBundle.getBundle("org.cristal.ui.messages", Locale.ENGLISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        studio = new StudioModel(Workers.start(fx::execute), Settings.load(dir.resolve("settings.properties")), text,
                Locale.ENGLISH, new Publishing(() -> List.of(new SmtpNewsletterPlugin()), new MapSecrets(),
                        java.time.Clock.systemUTC()));
        studio.open(file).get(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        fx.run(studio::close);
        fx.close();
    }

    @Test
    void fetchResultsNowReadsInTheBackgroundAndTellsTheScreenOnItsThread() throws Exception {
        CompletableFuture<PeriodicFetch.Done> heard = new CompletableFuture<>();
        CompletableFuture<Boolean> onFx = new CompletableFuture<>();
        fx.run(() -> studio.publishing().onResults(d -> {
            onFx.complete(Thread.currentThread().getName().equals("test-fx"));
            heard.complete(d);
        }));

        fx.run(() -> studio.publishing().fetchResultsNow());
        PeriodicFetch.Done done = heard.get(20, TimeUnit.SECONDS);

        assertTrue(done.asked());
        assertTrue(onFx.get(), "listeners hear it on the FX thread");
        assertEquals(1, done.round().lines().size());
        Workspace ws = fx.call(() -> studio.workspaceProperty().get());
        assertEquals(2L, ws.results().latestCounts(entry).get("recipients"));
        assertFalse(ws.results().fetchState(entry).isEmpty());
    }
}
