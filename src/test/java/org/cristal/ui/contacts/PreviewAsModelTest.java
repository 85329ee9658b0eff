package org.cristal.ui.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Workspace;
import org.cristal.library.audience.ContactDraft;
import org.cristal.publish.MapSecrets;
import org.cristal.publish.Publisher;
import org.cristal.publish.newsletter.SmtpNewsletterPlugin;
import org.cristal.support.Corpus;
import org.cristal.ui.model.FxThread;
import org.cristal.ui.model.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Preview the newsletter as them" on a real workspace with a real newsletter account; nothing is sent. */
class PreviewAsModelTest {
    @TempDir
    Path dir;
    Workspace ws;
    FxThread fx;
    Workers workers;
    PreviewAsModel preview;
    String story;
    long marie;

    @BeforeEach
    void open() throws Exception {
        ws = Workspace.open(dir.resolve("shop.cristal"));
        story = ws.stories().save("", Files.readString(Corpus.story("boulangerie-levain.md")), "").id();
        marie = ws.audience().contacts().save(ContactDraft.of("marie@example.com").withName("Marie", "Curie"))
                .contact().id();
        fx = new FxThread();
        workers = Workers.start(fx::execute);
        ResourceBundle text = ResourceBundle.getBundle("org.cristal.ui.messages", Locale.ENGLISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Publisher publisher = new Publisher(ws, () -> List.of(new SmtpNewsletterPlugin()), new MapSecrets(),
                Clock.systemUTC());
        preview = new PreviewAsModel(workers, () -> ws, () -> publisher, text, Locale.ENGLISH);
    }

    @AfterEach
    void close() {
        workers.close();
        fx.close();
        ws.close();
    }

    @Test
    void theOpenStoryIsShownAsTheContactWillReadItWithTheirOwnUnsubscribeLink() throws Exception {
        fx.call(() -> preview.show("", marie)).get(20, TimeUnit.SECONDS);
        assertTrue(fx.call(() -> preview.problemProperty().get()).startsWith("Open a story first"));

        fx.call(() -> preview.show(story, marie)).get(20, TimeUnit.SECONDS);
        assertTrue(fx.call(() -> preview.problemProperty().get()).startsWith("No newsletter account yet"));
        assertNull(fx.call(() -> preview.previewProperty().get()));

        ws.channelAccounts().save(ChannelAccount.of("news", "smtp-newsletter", "La lettre",
                Map.of("host", "127.0.0.1", "security", "none", "from", "news@fournil.example")));
        fx.call(() -> preview.show(story, marie)).get(20, TimeUnit.SECONDS);
        assertEquals("", fx.call(() -> preview.problemProperty().get()));
        var shown = fx.call(() -> preview.previewProperty().get());
        assertTrue(shown.text().contains("mailto:news@fournil.example?subject=unsubscribe%20" + marie + "."),
                shown.text());
        assertTrue(ws.audience().deliveries().of(marie).isEmpty(), "a preview sends nothing");
    }
}
