package org.cristal.ui.persona;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cristal.library.Workspace;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.persona.Persona;
import org.cristal.library.persona.Personas;
import org.cristal.story.Channel;
import org.cristal.ui.model.FxThread;
import org.cristal.ui.model.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The personas screen's and the persona card's view models on a real workspace. */
class PersonasModelTest {
    @TempDir
    Path dir;
    Workspace ws;
    FxThread fx;
    Workers workers;
    PersonasModel screen;
    PersonaCardModel card;

    @BeforeEach
    void open() {
        ws = Workspace.open(dir.resolve("shop.cristal"));
        fx = new FxThread();
        workers = Workers.start(fx::execute);
        ResourceBundle text = ResourceBundle.getBundle("org.cristal.ui.messages", Locale.ENGLISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        screen = new PersonasModel(workers, () -> ws, text, Locale.ENGLISH);
        card = new PersonaCardModel(workers, () -> ws);
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
    void everyFieldOfTheFormIsSavedAndReadBackIntoTheForm() throws Exception {
        fx.run(() -> {
            screen.startNew();
            screen.nameProperty().set("Marc");
            screen.portraitProperty().set("Works all week.");
            screen.goalsProperty().set("Relief\n\n Booking online ");
            screen.objectionsProperty().set("Is it serious?");
            screen.toneProperty().set("direct");
            screen.wordsUseProperty().set("samedi, soulager");
            screen.wordsAvoidProperty().set("holistique,  énergie ,");
            screen.readingTargetProperty().set(55);
            screen.segmentProperty().set("tag = patients");
            screen.channelProperty(Channel.EMAIL).set(PersonasModel.Use.USES);
            screen.channelProperty(Channel.SOCIAL).set(PersonasModel.Use.AVOIDS);
        });
        assertTrue(await(fx.call(screen::save)));
        Persona p = ws.personas().find("marc").orElseThrow();
        assertEquals(List.of("Relief", "Booking online"), p.goals());
        assertEquals(List.of("holistique", "énergie"), p.wordsAvoid());
        assertEquals(List.of("email"), p.channels());
        assertEquals(List.of("social"), p.channelsAvoid());
        assertEquals(55, p.readingTarget());
        assertEquals(List.of("Marc"), fx.call(() -> screen.saved().stream().map(Persona::name).toList()));

        fx.run(screen::startNew);
        fx.run(() -> screen.edit(p));
        assertEquals("holistique, énergie", fx.call(() -> screen.wordsAvoidProperty().get()));
        assertEquals("Relief\nBooking online", fx.call(() -> screen.goalsProperty().get()));
        assertEquals(PersonasModel.Use.AVOIDS, fx.call(() -> screen.channelProperty(Channel.SOCIAL).get()));
        assertEquals(PersonasModel.Use.UNSAID, fx.call(() -> screen.channelProperty(Channel.WEB).get()));
    }

    @Test
    void renamingInTheFormRenamesThePersonaAndABadRuleSaysWhyNothingWasSaved() throws Exception {
        Persona p = ws.personas().save(Personas.named("Marc"));
        fx.run(() -> screen.edit(p));
        fx.run(() -> screen.nameProperty().set("Marc D."));
        assertTrue(await(fx.call(screen::save)));
        assertEquals(List.of("Marc D."), ws.personas().list().stream().map(Persona::name).toList());

        fx.run(() -> screen.segmentProperty().set("vile = Senlis"));
        assertFalse(await(fx.call(screen::save)));
        String problem = fx.call(() -> screen.problemProperty().get());
        assertTrue(problem.startsWith("The segment rule does not read: Unknown field “vile”"), problem);
        assertEquals("", ws.personas().find("Marc D.").orElseThrow().segment());

        fx.run(() -> screen.nameProperty().set(" "));
        assertFalse(await(fx.call(screen::save)));
        assertEquals("A persona needs a name.", fx.call(() -> screen.problemProperty().get()));

        fx.run(() -> screen.nameProperty().set("Marc D."));
        assertTrue(await(fx.call(screen::delete)));
        assertTrue(ws.personas().list().isEmpty());
        assertEquals("", fx.call(() -> screen.editingProperty().get()));
    }

    @Test
    void theCardShowsTheStorysPersonaWithItsTypicalContactOrSaysNoneHasThatName() throws Exception {
        long marie = ws.audience().contacts().save(ContactDraft.of("marie@example.fr").withName("Marie", "Roux")
                .withTags(List.of("patients"))).contact().id();
        Persona p = ws.personas().save(new Persona(0, "Marc", "", List.of(), List.of(), "", List.of(),
                List.of("holistique"), List.of(), List.of(), 0, "tag = patients", p0().createdAt(), p0().updatedAt()));
        fx.run(() -> card.nameProperty().set(" marc "));
        fx.await(() -> !card.shownProperty().get().isEmpty());
        PersonaCardModel.Shown shown = fx.call(() -> card.shownProperty().get());
        assertEquals(Optional.of(p), shown.persona());
        assertEquals(marie, shown.typical().orElseThrow().id());
        assertEquals(List.of("Marc"), fx.call(() -> List.copyOf(card.names())));

        fx.run(() -> card.nameProperty().set("Clara"));
        fx.await(() -> card.shownProperty().get().name().equals("Clara"));
        assertTrue(fx.call(() -> card.shownProperty().get().missing()));

        fx.run(() -> card.nameProperty().set(""));
        fx.await(() -> card.shownProperty().get().isEmpty());
    }

    private static Persona p0() {
        return Personas.named("x");
    }
}
