package org.cristal.ui.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.cristal.library.Workspace;
import org.cristal.library.cohort.CohortFixture;
import org.cristal.library.cohort.CohortMeasure;
import org.cristal.library.cohort.CohortPeriod;
import org.cristal.library.cohort.CohortStart;
import org.cristal.ui.model.FxThread;
import org.cristal.ui.model.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cohorts screen's view model on a real workspace file (see {@link CohortFixture}), without the toolkit. */
class CohortsModelTest {
    @TempDir
    Path dir;
    FxThread fx;
    Workers workers;
    Workspace ws;
    CohortsModel model;

    private void open(Locale locale, boolean analytics) {
        ws = CohortFixture.write(dir.resolve("w.cristal"), analytics);
        fx = new FxThread();
        workers = Workers.start(fx::execute);
        ResourceBundle text = ResourceBundle.getBundle("org.cristal.ui.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        model = new CohortsModel(workers, () -> ws, text, locale, CohortFixture.PARIS);
    }

    @AfterEach
    void stop() {
        workers.close();
        fx.close();
        ws.close();
    }

    private List<String> texts(int row) throws Exception {
        return fx.call(() -> shown(row));
    }

    /** On the FX thread: the texts of a row's cells. */
    private List<String> shown(int row) {
        return model.rows().get(row).cells().stream().map(CohortsModel.Cell::text).toList();
    }

    @Test
    void eachShareIsWrittenWithItsCountAndPeriodsToComeAreLeftOut() throws Exception {
        open(Locale.ENGLISH, false);
        fx.run(model::load);
        fx.await(() -> model.rows().size() == 2);
        assertEquals(List.of("Week 0", "Week 1", "Week 2"), fx.call(() -> List.copyOf(model.columns())));
        assertEquals(List.of("2/3 · 67%", "2/3 · 67%", "2/3 · 67%"), texts(0));
        assertEquals(List.of("1/1 · 100%", "1/1 · 100%"), texts(1), "one person: never 100% alone");
        CohortsModel.Cell now = fx.call(() -> model.rows().get(1).cells().get(1));
        assertTrue(now.underway() && now.tip().endsWith("Week under way: figures so far."), now.tip());
        assertEquals(1.0, now.level());
        assertTrue(fx.call(() -> model.noteProperty().get()).startsWith("No analytics imported"));
        assertTrue(fx.call(() -> model.summaryProperty().get()).startsWith("4 contacts in 2 cohorts (time zone Europe/Paris)"));
    }

    @Test
    void switchingToMonthsInFrenchReadsAgainAndMessagesShadeAgainstTheHighest() throws Exception {
        open(Locale.FRENCH, true);
        fx.run(model::load);
        fx.await(() -> model.rows().size() == 2);
        fx.run(() -> model.byProperty().set(CohortPeriod.MONTH));
        fx.await(() -> model.rows().size() == 1);
        assertEquals(List.of("Mois 0"), fx.call(() -> List.copyOf(model.columns())));
        assertEquals(List.of("3/4 · 75\u00a0%"), texts(0));
        fx.run(() -> model.measureProperty().set(CohortMeasure.MESSAGES));
        fx.await(() -> shown(0).equals(List.of("5")));
        CohortsModel.Cell c = fx.call(() -> model.rows().get(0).cells().get(0));
        assertTrue(c.tip().startsWith("3 e-mails, 1 courriers, 1 SMS envoyés."), c.tip());
        assertEquals(1.0, c.level(), "the only cell is the highest");
        fx.run(() -> model.measureProperty().set(CohortMeasure.VISITS));
        fx.await(() -> shown(0).equals(List.of("3")));
        assertTrue(fx.call(() -> model.noteProperty().get()).startsWith("Les visites comptent les lignes importées"));
    }

    @Test
    void fromFirstConsentAndTheCsvExportOfCounts() throws Exception {
        open(Locale.ENGLISH, false);
        fx.run(() -> model.fromProperty().set(CohortStart.CONSENT));
        fx.await(() -> model.rows().size() == 2 && model.rows().get(1).size().equals("2"));
        Path csv = dir.resolve(fx.call(model::fileName));
        assertEquals("cohorts-week-consent.csv", csv.getFileName().toString());
        fx.run(() -> model.exportCsv(csv));
        fx.await(() -> model.messageProperty().get().equals("Saved as cohorts-week-consent.csv."));
        String written = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(written.startsWith("\ufeffgrouped_by,from,cohort_start,cohort_size"), written);
        assertTrue(written.contains("\r\nweek,consent,2026-09-14,2,0,"), written);
    }
}
