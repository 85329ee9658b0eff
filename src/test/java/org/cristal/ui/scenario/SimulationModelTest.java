package org.cristal.ui.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.cristal.library.Workspace;
import org.cristal.library.scenario.Simulation;
import org.cristal.library.scenario.Simulation.Skip;
import org.cristal.ui.model.FxThread;
import org.cristal.ui.model.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulation table's view model: the totals line, the filters, each row in the contact's own time and the
 * CSV export. The simulation itself is the engine's (its own tests); here it is a value the engine would return.
 */
class SimulationModelTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId MONTREAL = ZoneId.of("America/Montreal");
    @TempDir
    Path dir;
    Workspace ws;
    FxThread fx;
    Workers workers;

    @BeforeEach
    void open() {
        ws = Workspace.open(dir.resolve("fournil.cristal"));
        fx = new FxThread();
        workers = Workers.start(fx::execute);
    }

    @AfterEach
    void close() {
        workers.close();
        fx.close();
        ws.close();
    }

    private SimulationModel model(Locale l, Function<String, Simulation> engine) {
        ScenarioEditorModel editor = new ScenarioEditorModel(workers, () -> ws, ScenarioEditorModelTest.bundle(l), l);
        return new SimulationModel(workers, engine, ScenarioEditorModelTest.bundle(l), l, editor);
    }

    /**
     * 412 contacts, two e-mail steps each: 37 rows skipped (21 without consent, 9 over the cap, 7 without an
     * address), the others go; Hélène lives in Montréal, everyone else in Paris.
     */
    private static Simulation welcome() {
        List<Simulation.Row> rows = new ArrayList<>();
        Instant day0 = Instant.parse("2026-12-07T08:30:00Z");
        Instant day3 = Instant.parse("2026-12-10T08:30:00Z");
        int noConsent = 21;
        int overCap = 9;
        int noAddress = 7;
        for (int c = 1; c <= 412; c++) {
            ZoneId z = c == 1 ? MONTREAL : PARIS;
            String name = c == 1 ? "Hélène Dupré" : "Contact " + c;
            Instant at0 = c == 1 ? Instant.parse("2026-12-07T14:30:00Z") : day0;
            Skip first = c <= noConsent ? Skip.NO_CONSENT : null;
            Skip second = c <= noConsent + overCap ? Skip.OVER_CAP : c <= noConsent + overCap + noAddress
                    ? Skip.NO_ADDRESS : null;
            rows.add(new Simulation.Row(c, name, "s1", 1, "levain", "news", at0, z, first));
            if (first == null) {
                rows.add(new Simulation.Row(c, name, "s2", 2, "atelier", "news", day3, z, second));
            }
        }
        Map<Skip, Integer> skipped = new EnumMap<>(Skip.class);
        skipped.put(Skip.NO_CONSENT, noConsent);
        skipped.put(Skip.OVER_CAP, overCap);
        skipped.put(Skip.NO_ADDRESS, noAddress);
        return new Simulation(412, rows, skipped);
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    @Test
    void theTotalsSayHowManyContactsMessagesAndSkipsAndWhyMostFrequentFirst() throws Exception {
        Simulation sim = welcome();
        long going = sim.rows().stream().filter(r -> r.skip() == null).count();
        SimulationModel en = model(Locale.ENGLISH, name -> sim);
        assertTrue(await(fx.call(() -> en.run("Bienvenue"))));
        assertEquals("412 contacts: " + String.format(Locale.ENGLISH, "%,d", going) + " messages; 37 skipped — "
                + "21 no consent, 9 over the cap, 7 no address", fx.call(() -> en.totalsProperty().get()));

        SimulationModel fr = model(Locale.FRENCH, name -> sim);
        assertTrue(await(fx.call(() -> fr.run("Bienvenue"))));
        assertEquals("412 contacts\u00a0: " + going + " messages\u00a0; 37 ignorés — 21 sans consentement, "
                + "9 au-delà de la limite, 7 sans adresse", fx.call(() -> fr.totalsProperty().get()));
    }

    @Test
    void theTableFiltersByStepAndByReasonAndOffersOnlyTheReasonsThatOccur() throws Exception {
        SimulationModel m = model(Locale.ENGLISH, name -> welcome());
        await(fx.call(() -> m.run("Bienvenue")));
        int all = fx.call(() -> m.shown().size());
        assertEquals(412 + 391, all);
        fx.run(() -> m.stepProperty().set("s2"));
        assertEquals(391, fx.call(() -> m.shown().size()));
        fx.run(() -> m.showProperty().set(SimulationModel.Show.of(Skip.OVER_CAP)));
        assertEquals(9, fx.call(() -> m.shown().size()));
        assertTrue(fx.call(() -> m.shown().stream().allMatch(r -> r.stepId().equals("s2") && r.skip() == Skip.OVER_CAP)));
        fx.run(() -> {
            m.stepProperty().set("");
            m.showProperty().set(SimulationModel.Show.SKIPPED);
        });
        assertEquals(37, fx.call(() -> m.shown().size()));
        assertEquals(List.of("Every row", "Only what goes", "Only the skipped", "No marketing consent",
                "Over the sending limit", "No address for this channel"),
                fx.call(() -> m.reasons().stream().map(m::label).toList()));
        Simulation.Row helene = fx.call(() -> m.shown().stream().filter(r -> r.contactId() == 1).findFirst()
                .orElseThrow());
        assertEquals("No marketing consent", fx.call(() -> m.outcome(helene)));
        assertEquals("Dec 7, 2026, 9:30 AM (America/Montreal)",
                fx.call(() -> m.localTime(helene)).replace('\u202f', ' '), "her own time, not Paris time");
    }

    @Test
    void theCsvHoldsTheRowsShownInTheContactsOwnTimeAndOpensRightInExcel() throws Exception {
        SimulationModel m = model(Locale.FRENCH, name -> welcome());
        await(fx.call(() -> m.run("Bienvenue")));
        fx.run(() -> m.showProperty().set(SimulationModel.Show.of(Skip.NO_CONSENT)));
        Path csv = dir.resolve("bienvenue.csv");
        assertEquals(21, await(fx.call(() -> m.exportCsv(csv))));
        byte[] bytes = Files.readAllBytes(csv);
        assertEquals((byte) 0xEF, bytes[0], "a byte-order mark, so Excel reads the accents");
        List<String> lines = List.of(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertEquals(22, lines.size());
        assertEquals("Contact,Étape,Histoire,Par,Quand (heure du contact),Fuseau horaire,UTC,Envoi, ou pourquoi pas"
                .replace("Envoi, ou pourquoi pas", "\"Envoi, ou pourquoi pas\""), lines.get(0));
        assertEquals("Hélène Dupré,1,levain,news,2026-12-07T09:30,America/Montreal,2026-12-07T14:30:00Z,"
                + "Pas de consentement", lines.get(1));
    }

    @Test
    void aCancelledSimulationKeepsThePreviousTableAndSaysSo() throws Exception {
        CountDownLatch slow = new CountDownLatch(1);
        Simulation[] answer = {welcome()};
        SimulationModel m = model(Locale.ENGLISH, name -> {
            if (answer[0] == null) {
                try {
                    slow.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Simulation(0, List.of(), Map.of());
            }
            return answer[0];
        });
        await(fx.call(() -> m.run("Bienvenue")));
        answer[0] = null;
        CompletableFuture<Boolean> second = fx.call(() -> m.run("Bienvenue"));
        assertTrue(fx.call(() -> m.runningProperty().get()));
        fx.run(m::cancel);
        assertFalse(fx.call(() -> m.runningProperty().get()));
        assertEquals("Simulation cancelled.", fx.call(() -> m.problemProperty().get()));
        slow.countDown();
        assertFalse(await(second));
        assertEquals(412 + 391, fx.call(() -> m.rows().size()), "the late answer does not replace the table");
    }

    @Test
    void aFailingSimulationIsOneSentenceNotAStackTrace() throws Exception {
        SimulationModel m = model(Locale.ENGLISH, name -> {
            throw new org.cristal.library.WorkspaceException("scenario.error.missing", name);
        });
        assertFalse(await(fx.call(() -> m.run("Bienvenue"))));
        assertEquals("No scenario “Bienvenue” in this workspace.", fx.call(() -> m.problemProperty().get()));
    }
}
