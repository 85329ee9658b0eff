package org.cristal.ui.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.cristal.library.Workspace;
import org.cristal.library.results.ChannelFigures;
import org.cristal.library.results.Counts;
import org.cristal.library.results.ResultsWorkspace;
import org.cristal.library.results.WebRow;
import org.cristal.ui.model.FxThread;
import org.cristal.ui.model.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results screen's view model on a real workspace file, without the toolkit. */
class ResultsModelTest {
    private static final Instant AT = Instant.parse("2026-11-30T09:00:00Z");
    @TempDir
    Path dir;
    FxThread fx;
    Workers workers;
    Workspace ws;
    ResultsModel model;
    String pain;
    long masto;

    @BeforeEach
    void start() throws Exception {
        ws = Workspace.open(dir.resolve("w.cristal"));
        pain = ResultsWorkspace.story(ws, "pain-au-levain", "Le pain au levain");
        masto = ResultsWorkspace.published(ws, pain, "mastodon", "social", "@levain", "https://piaille.fr/@levain/1",
                AT);
        ResultsWorkspace.published(ws, pain, "smtp-newsletter", "email", "", "", AT);
        ws.results().recordCounts(masto, Map.of(Counts.FAVOURITES, 7L, Counts.BOOSTS, 2L), AT.plusSeconds(60));
        ws.results().importWeb("plain.csv", "csv", "plain", List.of(
                new WebRow(LocalDate.of(2026, 11, 30), "pain-au-levain", "newsletter", "email", "", 120, 9),
                new WebRow(LocalDate.of(2026, 11, 30), "pain-au-levain", "mastodon", "social", "", 12, 1)));
        fx = new FxThread();
        workers = Workers.start(fx::execute);
        ResourceBundle text = ResourceBundle.getBundle("org.cristal.ui.messages", Locale.ENGLISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        model = new ResultsModel(workers, () -> ws, text, Locale.ENGLISH, ZoneOffset.UTC);
    }

    @AfterEach
    void stop() {
        workers.close();
        fx.close();
        ws.close();
    }

    @Test
    void openingAStoryShowsItsChannelsThenTheTotalWithRatesAndTheirRanges() throws Exception {
        fx.run(() -> model.load(pain));
        fx.await(() -> model.table().size() == 3);
        assertEquals(List.of("newsletter", "mastodon", ChannelFigures.TOTAL),
                fx.call(() -> model.table().stream().map(ChannelFigures::channel).toList()));
        assertEquals("Results of “Le pain au levain”", fx.call(() -> model.titleProperty().get()));
        assertEquals("2 publications · 9 reactions · 132 visitors · 10 conversions (links tagged "
                + "utm_campaign=pain-au-levain)", fx.call(() -> model.summaryProperty().get()));
        ResultsText figures = model.figures();
        assertEquals("8.3% (1.5% to 35.4%)\ntoo few to tell",
                fx.call(() -> figures.rate(model.table().get(1).conversionRate())));
        assertEquals("7.5% (4.0% to 13.6%)", fx.call(() -> figures.rate(model.table().get(0).conversionRate())));
        assertEquals("All channels", figures.channel(ChannelFigures.TOTAL));
        fx.await(() -> model.ranking().size() == 1 && model.weeks().size() == ResultsModel.WEEKS);
        assertEquals("newsletter", fx.call(() -> model.channelProperty().get()));
    }

    @Test
    void countsThatArriveWhileTheScreenIsOpenShowAtTheNextReading() throws Exception {
        fx.run(() -> model.load(pain));
        fx.await(() -> model.publications().size() == 2);
        ws.results().recordCounts(masto, Map.of(Counts.FAVOURITES, 30L, Counts.BOOSTS, 2L), AT.plusSeconds(3600));
        fx.run(() -> model.refresh());
        fx.await(() -> model.publications().stream().anyMatch(p -> p.reactions() == 32));
        fx.await(() -> model.table().get(model.table().size() - 1).reactions() == 32);
    }

    @Test
    void theTableExportsAsCsvASpreadsheetReads() throws Exception {
        fx.run(() -> model.load(pain));
        fx.await(() -> model.table().size() == 3);
        Path file = dir.resolve("out.csv");
        fx.run(() -> model.exportCsv(file));
        fx.await(() -> model.messageProperty().get().equals("Saved as out.csv."));
        String csv = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFchannel,publications,reach,"), csv);
        assertTrue(csv.contains("\r\nnewsletter,1,,0,120,9,0.0750,0.0400,0.1364,no\r\n"), csv);
    }

    @Test
    void aFolderThatCannotBeWrittenIsSaidNotThrown() throws Exception {
        fx.run(() -> model.load(pain));
        fx.await(() -> model.table().size() == 3);
        Path file = dir.resolve("no-such-folder").resolve("out.csv");
        fx.run(() -> model.exportCsv(file));
        fx.await(() -> model.problemProperty().get().equals("out.csv could not be written. Choose another folder."));
    }
}
