package org.cristal.ui.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cristal.library.ChannelAccount;
import org.cristal.library.Workspace;
import org.cristal.library.audience.ConsentEvent;
import org.cristal.library.audience.ConsentMethod;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Purpose;
import org.cristal.library.scenario.Reentry;
import org.cristal.library.scenario.Scenario;
import org.cristal.library.scenario.ScenarioState;
import org.cristal.library.scenario.Step;
import org.cristal.publish.MapSecrets;
import org.cristal.publish.Publisher;
import org.cristal.publish.newsletter.SmtpNewsletterPlugin;
import org.cristal.publish.scenario.ScenarioRunner;
import org.cristal.support.Corpus;
import org.cristal.ui.model.FxThread;
import org.cristal.ui.model.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenarios list and its start / pause / resume / stop, on a real workspace and the real scenario engine. */
class ScenariosModelTest {
    @TempDir
    Path dir;
    Workspace ws;
    FxThread fx;
    Workers workers;
    ScenarioRunner runner;
    ScenariosModel model;
    Scenario welcome;

    @BeforeEach
    void open() throws Exception {
        ws = Workspace.open(dir.resolve("fournil.cristal"));
        fx = new FxThread();
        workers = Workers.start(fx::execute);
        String levain = ws.stories().save("", Files.readString(Corpus.story("boulangerie-levain.md")), "").id();
        ws.channelAccounts().save(ChannelAccount.of("news", "smtp-newsletter", "Newsletter",
                Map.of("host", "127.0.0.1", "port", "2525", "security", "none", "from", "news@fournil.example")));
        for (String[] p : List.of(new String[] {"helene@example.fr", "yes"}, new String[] {"marc@example.fr", "yes"},
                new String[] {"zoe@example.fr", "no"})) {
            long id = ws.audience().contacts().save(ContactDraft.of(p[0]).withTags(List.of("clients"))).contact().id();
            if (p[1].equals("yes")) {
                ws.audience().consents().record(id, ConsentEvent.grant(ContactChannel.EMAIL, Purpose.MARKETING,
                        Instant.parse("2026-11-02T09:00:00Z"), ConsentMethod.IN_PERSON, "in the shop", "Oui"));
            }
        }
        ws.audience().contacts().save(ContactDraft.of("fournisseur@example.fr"));
        ws.audience().segments().save("clients", "tag = clients");
        welcome = ws.scenarios().create("Bienvenue", "clients", Reentry.NEVER, 0, ZoneId.of("Europe/Paris"),
                List.of(new Step("s1", levain, "", "news", Step.Timing.AFTER_ENTRY, Duration.ofDays(1), null,
                        LocalTime.of(9, 30), List.of())), List.of());
        runner = new ScenarioRunner(new Publisher(ws, () -> List.of(new SmtpNewsletterPlugin()), new MapSecrets(),
                java.time.Clock.systemUTC()));
        model = new ScenariosModel(workers, () -> ws, () -> runner, ScenarioEditorModelTest.bundle(Locale.ENGLISH),
                Locale.ENGLISH);
    }

    @AfterEach
    void close() {
        workers.close();
        fx.close();
        ws.close();
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    @Test
    void theListShowsEachScenarioWithItsStateVersionAndHowManyPeopleItsSegmentHolds() throws Exception {
        await(fx.call(model::load));
        assertEquals(List.of("Bienvenue\ndraft, version 1 · “clients”, 3 people"),
                fx.call(() -> model.scenarios().stream().map(model::row).toList()));
        ws.scenarios().settings(welcome.id(), "", Reentry.NEVER, 0, ZoneId.of("Europe/Paris"));
        await(fx.call(model::load));
        assertEquals("Bienvenue\ndraft, version 1 · every contact (4)", fx.call(() -> model.row(model.scenarios()
                .get(0))));
    }

    @Test
    void eachStateChangeSaysWhatWillHappenAndTheStateIsThenSaidPlainly() throws Exception {
        fx.run(() -> model.chosenProperty().set(welcome));
        assertEquals("Draft, version 1: nothing is sent until you start it. Simulate first to see who would get what.",
                fx.call(() -> model.stateProperty().get()));
        assertTrue(fx.call(() -> model.allowed(ScenariosModel.Action.START)));
        assertFalse(fx.call(() -> model.allowed(ScenariosModel.Action.PAUSE)));
        assertEquals("Start “Bienvenue”: the people of segment “clients” enter now, and each step goes at its time, "
                + "in their own time zone, within the sending limit.",
                fx.call(() -> model.question(ScenariosModel.Action.START)));
        assertTrue(await(fx.call(() -> model.apply(ScenariosModel.Action.START))));
        assertEquals(ScenarioState.RUNNING, ws.scenarios().get(welcome.id()).orElseThrow().state());
        assertTrue(fx.call(() -> model.stateProperty().get()).startsWith("Running since "));

        assertEquals("Pause “Bienvenue”: steps that fall due are held and sent when you resume; nothing is dropped.",
                fx.call(() -> model.question(ScenariosModel.Action.PAUSE)));
        assertTrue(await(fx.call(() -> model.apply(ScenariosModel.Action.PAUSE))));
        assertTrue(fx.call(() -> model.stateProperty().get()).startsWith("Paused since "));
        assertTrue(fx.call(() -> model.stateProperty().get()).endsWith("steps that fall due are held, and sent when "
                + "you resume."));
        assertFalse(fx.call(() -> model.allowed(ScenariosModel.Action.START)), "a paused scenario is resumed, not started");
        assertTrue(await(fx.call(() -> model.apply(ScenariosModel.Action.RESUME))));
        assertEquals(ScenarioState.RUNNING, ws.scenarios().get(welcome.id()).orElseThrow().state());

        assertTrue(await(fx.call(() -> model.apply(ScenariosModel.Action.STOP))));
        assertEquals("Stopped (version 1): nobody enters and nothing more is sent.",
                fx.call(() -> model.stateProperty().get()));
        for (ScenariosModel.Action a : ScenariosModel.Action.values()) {
            assertFalse(fx.call(() -> model.allowed(a)), a + " after a stop");
        }
    }

    @Test
    void afterTheStartEachStepHasItsCountsAndTheContactsAtItTheirStateInWords() throws Exception {
        fx.run(() -> model.chosenProperty().set(welcome));
        await(fx.call(() -> model.apply(ScenariosModel.Action.START)));
        runner.tick();
        await(fx.call(model::loadStatus));
        List<org.cristal.library.scenario.StepCounts> counts = fx.call(() -> List.copyOf(model.counts()));
        assertEquals(1, counts.size());
        assertEquals(3, counts.get(0).waiting(), "the three clients entered; their step is due tomorrow at 9:30");
        await(fx.call(() -> model.showContactsAt("s1")));
        List<String> people = fx.call(() -> model.contacts().stream().map(r -> r.contact() + ": "
                + model.runState(r.state())).sorted().toList());
        assertEquals(List.of("helene@example.fr: waiting for its time", "marc@example.fr: waiting for its time",
                "zoe@example.fr: waiting for its time"), people);
        String due = fx.call(() -> model.due(model.contacts().get(0)));
        assertTrue(due.contains("9:30") && due.endsWith("(Europe/Paris)"), due);
        assertEquals(1, fx.call(() -> model.versions().size()));
    }

    @Test
    void thePeopleOfAnOlderVersionMoveToTheLatestOnlyWhenAskedAndTheScreenSaysHowMany() throws Exception {
        fx.run(() -> model.chosenProperty().set(welcome));
        await(fx.call(() -> model.apply(ScenariosModel.Action.START)));
        runner.tick();
        var v1 = ws.scenarios().current(welcome.id());
        ws.scenarios().edit(welcome.id(), v1.steps(), List.of());
        await(fx.call(model::load));
        await(fx.call(model::loadStatus));
        assertEquals(List.of(1, 2), fx.call(() -> model.versions().stream().map(v -> v.version()).toList()));
        assertEquals(List.of(1), fx.call(() -> model.olderVersions().stream().map(v -> v.version()).toList()));
        assertEquals("Move the people still on version 1 to version 2: they keep the steps they already had and "
                + "carry on with the next steps of version 2.", fx.call(() -> model.moveQuestion(1)));
        await(fx.call(() -> model.showContactsAt("s1")));
        assertTrue(fx.call(() -> model.contacts().stream().allMatch(r -> r.version() == 1)),
                "editing did not move anyone");

        assertEquals(3, await(fx.call(() -> model.move(1))));
        assertEquals("3 people were moved from version 1 to version 2.", fx.call(() -> model.doneProperty().get()));
        await(fx.call(() -> model.showContactsAt("s1")));
        assertTrue(fx.call(() -> model.contacts().stream().allMatch(r -> r.version() == 2)));
    }
}
