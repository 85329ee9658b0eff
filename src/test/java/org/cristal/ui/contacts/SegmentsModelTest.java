package org.cristal.ui.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cristal.library.Workspace;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Contact;
import org.cristal.ui.model.FxThread;
import org.cristal.ui.model.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The segment editor's view model on a real workspace: a live count while typing, the reason a rule does not read. */
class SegmentsModelTest {
    @TempDir
    Path dir;
    Workspace ws;
    FxThread fx;
    Workers workers;
    ResourceBundle text;
    ContactsModel list;
    SegmentsModel segments;

    @BeforeEach
    void open() {
        ws = Workspace.open(dir.resolve("shop.cristal"));
        fx = new FxThread();
        workers = Workers.start(fx::execute);
        text = bundle(Locale.ENGLISH);
        list = new ContactsModel(workers, () -> ws, text, Locale.ENGLISH);
        segments = new SegmentsModel(workers, () -> ws, text, Locale.ENGLISH, list.segmentProperty());
        for (String[] p : List.of(new String[] {"a@example.fr", "Senlis", "clients"},
                new String[] {"b@example.fr", "Senlis", "amis"}, new String[] {"c@example.fr", "Orléans", "clients"})) {
            ws.audience().contacts().save(ContactDraft.of(p[0]).withAddress("", "", p[1], "FR").withTags(List.of(p[2])));
        }
    }

    private static ResourceBundle bundle(Locale l) {
        return ResourceBundle.getBundle("org.cristal.ui.messages", l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    @AfterEach
    void close() {
        workers.close();
        fx.close();
        ws.close();
    }

    private <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    @Test
    void theCountFollowsTheRuleAsItIsTypedAndAMistakeSaysWhere() throws Exception {
        fx.run(() -> segments.ruleProperty().set("tag = clients"));
        fx.await(() -> segments.countProperty().get() == 2);
        assertEquals("2 people match now.", fx.call(() -> segments.countTextProperty().get()));
        fx.run(() -> segments.ruleProperty().set("tag = clients and ville = orleans"));
        fx.await(() -> segments.countProperty().get() == 1);
        assertEquals("", fx.call(() -> segments.problemProperty().get()));

        fx.run(() -> segments.ruleProperty().set("tag = clients and vile = Senlis"));
        fx.await(() -> !segments.problemProperty().get().isEmpty());
        String problem = fx.call(() -> segments.problemProperty().get());
        assertTrue(problem.contains("vile") && problem.contains("column 19"), problem);
        assertEquals(-1, fx.call(() -> segments.countProperty().get()));
        assertEquals("", fx.call(() -> segments.countTextProperty().get()));
    }

    @Test
    void aSegmentIsSavedOnlyWhenItsRuleReadsAndChoosingItNarrowsTheContactsList() throws Exception {
        fx.run(() -> {
            segments.nameProperty().set("Clients de Senlis");
            segments.ruleProperty().set("tag = clients and city =");
        });
        assertFalse(await(fx.call(segments::save)));
        assertFalse(fx.call(() -> segments.problemProperty().get()).isEmpty());
        assertTrue(ws.audience().segments().list().isEmpty());

        fx.run(() -> segments.ruleProperty().set("tag = clients and city = senlis"));
        assertTrue(await(fx.call(segments::save)));
        assertEquals(1, fx.call(() -> segments.saved().size()));
        assertEquals(1, fx.call(() -> segments.saved().get(0).count()));

        await(fx.call(list::refresh));
        assertEquals(3, fx.call(() -> list.rows().size()));
        fx.run(() -> segments.chosenProperty().set("Clients de Senlis"));
        fx.await(() -> list.rows().size() == 1);
        assertEquals("a@example.fr", fx.call(() -> list.rows().get(0).email()));
        fx.run(() -> segments.chosenProperty().set(""));
        fx.await(() -> list.rows().size() == 3);

        fx.run(() -> segments.chosenProperty().set("Clients de Senlis"));
        fx.await(() -> list.rows().size() == 1);
        assertTrue(await(fx.call(segments::delete)));
        fx.await(() -> list.rows().size() == 3);
        assertTrue(ws.audience().segments().list().isEmpty());
        assertEquals(List.of("a@example.fr", "b@example.fr", "c@example.fr"),
                fx.call(() -> list.rows().stream().map(Contact::email).sorted().toList()));
    }

    @Test
    void everyExampleInTheEditorsHelpReadsInBothLanguages() {
        for (Locale l : List.of(Locale.ENGLISH, Locale.FRENCH)) {
            String help = bundle(l).getString("contacts.segments.help");
            int colon = help.indexOf(':');
            String examples = help.substring(colon + 1, help.indexOf(". ", colon));
            for (String example : examples.split(" · ")) {
                // Throws with the reason if an example does not read.
                ws.audience().segments().count(example.strip());
            }
            ws.audience().segments().count(bundle(l).getString("contacts.segments.rulePrompt"));
        }
    }
}
