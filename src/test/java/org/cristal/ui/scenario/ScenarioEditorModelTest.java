package org.cristal.ui.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Workspace;
import org.cristal.library.scenario.Condition;
import org.cristal.library.scenario.Reentry;
import org.cristal.library.scenario.Scenario;
import org.cristal.library.scenario.ScenarioState;
import org.cristal.library.scenario.ScenarioVersion;
import org.cristal.library.scenario.Step;
import org.cristal.support.Corpus;
import org.cristal.ui.model.FxThread;
import org.cristal.ui.model.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario editor's view model on a real workspace: what is typed is what is saved, and what is wrong is said. */
class ScenarioEditorModelTest {
    @TempDir
    Path dir;
    Workspace ws;
    FxThread fx;
    Workers workers;
    String levain;
    String atelier;

    @BeforeEach
    void open() throws Exception {
        ws = Workspace.open(dir.resolve("fournil.cristal"));
        fx = new FxThread();
        workers = Workers.start(fx::execute);
        levain = ws.stories().save("", Files.readString(Corpus.story("boulangerie-levain.md")), "").id();
        atelier = ws.stories().save("", Files.readString(Corpus.story("velo-atelier-solidaire.md")), "").id();
        ws.channelAccounts().save(ChannelAccount.of("news", "smtp-newsletter", "Newsletter",
                Map.of("host", "127.0.0.1", "security", "none", "from", "news@fournil.example")));
        ws.channelAccounts().save(ChannelAccount.of("masto", "mastodon", "Mastodon", Map.of()));
        ws.audience().segments().save("clients", "tag = clients");
    }

    @AfterEach
    void close() {
        workers.close();
        fx.close();
        ws.close();
    }

    static ResourceBundle bundle(Locale l) {
        return ResourceBundle.getBundle("org.cristal.ui.messages", l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private ScenarioEditorModel editor(Locale l) throws Exception {
        ScenarioEditorModel e = new ScenarioEditorModel(workers, () -> ws, bundle(l), l);
        await(fx.call(e::loadChoices));
        fx.run(e::startNew);
        return e;
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    /** Welcome: the levain story at 9:30 on entry, then the workshop post three days later, for clients. */
    private void fill(ScenarioEditorModel e) throws Exception {
        fx.run(() -> {
            e.nameProperty().set("Bienvenue");
            e.segmentProperty().set("clients");
            e.reentryProperty().set(Reentry.AFTER_COMPLETION);
            e.reentryDaysProperty().set("30");
            e.zoneProperty().set("Europe/Paris");
            StepForm first = e.steps().get(0);
            first.storyProperty().set(levain);
            first.accountProperty().set("news");
            first.daysProperty().set("0");
            first.timeProperty().set("9h30");
            StepForm second = e.addStep();
            second.storyProperty().set(atelier);
            second.accountProperty().set("masto");
            second.daysProperty().set("3");
            second.hoursProperty().set("0");
            ConditionForm received = new ConditionForm();
            received.kindProperty().set(Condition.Kind.RECEIVED);
            received.argumentProperty().set(first.id());
            second.conditions().add(received);
            e.addExit();
        });
    }

    @Test
    void aScenarioTypedInTheEditorIsSavedAsWrittenAndReadBackTheSame() throws Exception {
        ScenarioEditorModel e = editor(Locale.ENGLISH);
        fill(e);
        Scenario saved = await(fx.call(e::save));
        assertNotNull(saved, () -> "not saved: " + e.problemProperty().get());
        assertEquals("Saved.", fx.call(() -> e.savedProperty().get()));

        Scenario stored = ws.scenarios().find("Bienvenue").orElseThrow();
        assertEquals("clients", stored.segment());
        assertEquals(Reentry.AFTER_COMPLETION, stored.reentry());
        assertEquals(30, stored.reentryDays());
        assertEquals(ZoneId.of("Europe/Paris"), stored.zone());
        ScenarioVersion v = ws.scenarios().current(stored.id());
        assertEquals(2, v.steps().size());
        Step first = v.steps().get(0);
        assertEquals(levain, first.storyId());
        assertEquals("news", first.account());
        assertEquals(LocalTime.of(9, 30), first.timeOfDay());
        Step second = v.steps().get(1);
        assertEquals(Duration.ofDays(3), second.delay());
        assertEquals(List.of(new Condition(Condition.Kind.RECEIVED, first.id(), false)), second.conditions());
        assertEquals(1, v.exits().size());

        ScenarioEditorModel again = editor(Locale.ENGLISH);
        await(fx.call(() -> again.edit(stored)));
        assertEquals(List.of("1. Day 0, at 9:30 AM their time — “" + title(levain) + "” through Newsletter",
                "2. then 3 days later, at 9:30 AM their time — “" + title(atelier) + "” through Mastodon"),
                fx.call(again::sentences).stream().map(s -> s.replace('\u202f', ' ')).toList());
        assertEquals("9:30", fx.call(() -> again.steps().get(0).timeProperty().get()));
        assertEquals("", fx.call(() -> again.versionNoteProperty().get()), "a draft is edited in place");
    }

    @Test
    void theStepsReadAsSentencesInFrenchInTheContactsOwnTime() throws Exception {
        ScenarioEditorModel e = editor(Locale.FRENCH);
        fill(e);
        fx.run(() -> {
            e.steps().get(1).hoursProperty().set("2");
            e.steps().get(1).variantProperty().set("b");
        });
        assertEquals(List.of("1. Jour 0, à 09:30 (heure du contact) — « " + title(levain) + " » par Newsletter",
                "2. puis 3 jours et 2 heures plus tard, à 09:30 (heure du contact) — « " + title(atelier)
                        + " » (variante B) par Mastodon"),
                fx.call(e::sentences).stream().map(s -> s.replace('\u00a0', ' ').replace('\u202f', ' ')).toList());
    }

    @Test
    void savingAStartedScenarioMakesVersionTwoAndSaysThatItsContactsFinishVersionOne() throws Exception {
        ScenarioEditorModel e = editor(Locale.ENGLISH);
        fill(e);
        Scenario s = await(fx.call(e::save));
        Scenario running = ws.scenarios().setState(s.id(), ScenarioState.RUNNING);
        await(fx.call(() -> e.edit(running)));
        assertEquals("This scenario has started: saving makes version 2. People already in it finish version 1; "
                + "you can move them on the Versions tab.", fx.call(() -> e.versionNoteProperty().get()));

        fx.run(() -> e.steps().get(1).daysProperty().set("5"));
        Scenario after = await(fx.call(e::save));
        assertEquals(2, after.version());
        assertEquals("Saved as version 2. People already in it finish version 1 unless you move them (Versions tab).",
                fx.call(() -> e.savedProperty().get()));
        assertEquals(Duration.ofDays(3), ws.scenarios().version(s.id(), 1).orElseThrow().steps().get(1).delay(),
                "version 1 stays as its runs started it");
        assertEquals(Duration.ofDays(5), ws.scenarios().current(s.id()).steps().get(1).delay());
    }

    @Test
    void whatKeepsAScenarioFromBeingSavedIsSaidAndNothingIsWritten() throws Exception {
        ScenarioEditorModel e = editor(Locale.ENGLISH);
        fill(e);
        fx.run(() -> e.nameProperty().set("  "));
        assertNull(await(fx.call(e::save)));
        assertEquals("Give the scenario a name.", fx.call(() -> e.problemProperty().get()));

        fx.run(() -> {
            e.nameProperty().set("Bienvenue");
            e.steps().get(0).timeProperty().set("25:00");
        });
        assertNull(await(fx.call(e::save)));
        assertEquals("Step 1: “25:00” is not a time of day; write it like 9:30 or 14h.",
                fx.call(() -> e.problemProperty().get()));

        fx.run(() -> {
            e.steps().get(0).timeProperty().set("9:30");
            e.steps().get(1).daysProperty().set("trois");
        });
        assertNull(await(fx.call(e::save)));
        assertEquals("Step 2: the wait must be whole numbers of days and hours, 0 or more.",
                fx.call(() -> e.problemProperty().get()));

        // Moving the second step first leaves its condition looking at a step that now comes after it.
        fx.run(() -> {
            e.steps().get(1).daysProperty().set("3");
            e.move(e.steps().get(1), -1);
        });
        assertNull(await(fx.call(e::save)));
        assertEquals("Step 1: a condition can only look at an earlier step.", fx.call(() -> e.problemProperty().get()));

        fx.run(() -> {
            e.move(e.steps().get(0), 1);
            e.zoneProperty().set("Paris");
            e.segmentProperty().set("clients fidèles");
        });
        assertNull(await(fx.call(e::save)));
        assertEquals("There is no saved segment “clients fidèles”: choose one in the list, or leave it empty for "
                + "every contact.", fx.call(() -> e.problemProperty().get()));
        fx.run(() -> e.segmentProperty().set(""));
        assertNull(await(fx.call(e::save)));
        assertEquals("“Paris” is not a time zone: write it like Europe/Paris or America/Montreal.",
                fx.call(() -> e.problemProperty().get()));
        assertTrue(ws.scenarios().list().isEmpty(), "nothing saved");

        ScenarioEditorModel fr = editor(Locale.FRENCH);
        fill(fr);
        fx.run(() -> fr.steps().get(0).storyProperty().set(""));
        assertNull(await(fx.call(fr::save)));
        assertEquals("Étape 1\u00a0: choisissez l’histoire à envoyer.", fx.call(() -> fr.problemProperty().get()));
    }

    @Test
    void aTakenNameIsRefusedInWordsAndTheEditorKeepsWhatWasTyped() throws Exception {
        ScenarioEditorModel e = editor(Locale.ENGLISH);
        fill(e);
        await(fx.call(e::save));
        ScenarioEditorModel other = editor(Locale.ENGLISH);
        fill(other);
        assertNull(await(fx.call(other::save)));
        assertEquals("A scenario named “Bienvenue” already exists.", fx.call(() -> other.problemProperty().get()));
        assertEquals(2, fx.call(() -> other.steps().size()));
    }

    @Test
    void aNewStepNeverReusesTheIdOfAStepAnOlderVersionHad() throws Exception {
        ScenarioEditorModel e = editor(Locale.ENGLISH);
        fill(e);
        Scenario s = await(fx.call(e::save));
        Scenario running = ws.scenarios().setState(s.id(), ScenarioState.RUNNING);
        await(fx.call(() -> e.edit(running)));
        fx.run(() -> e.remove(e.steps().get(1)));
        await(fx.call(e::save));
        StepForm added = fx.call(e::addStep);
        assertEquals("s3", added.id(), "s2 belongs to version 1's second step: runs moved later must not confuse them");
    }

    private String title(String id) {
        return ws.stories().get(id).orElseThrow().story().title();
    }
}
