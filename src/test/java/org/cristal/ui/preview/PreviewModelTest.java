package org.cristal.ui.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import org.cristal.check.Spelling;
import org.cristal.library.Workspace;
import org.cristal.render.Renderers;
import org.cristal.story.Finding;
import org.cristal.ui.model.FxThread;
import org.cristal.ui.model.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The previews never go back in time, whatever order the renders finish in. */
class PreviewModelTest {
    @TempDir
    Path dir;
    FxThread fx;
    Workers workers;
    Workspace ws;
    /** Renders held back until the test releases them, in the order they were asked for. */
    final List<CompletableFuture<Renderers.All>> held = new CopyOnWriteArrayList<>();
    PreviewModel preview;

    @BeforeEach
    void start() {
        fx = new FxThread();
        workers = Workers.start(fx::execute);
        ws = Workspace.open(dir.resolve("w.cristal"));
        preview = new PreviewModel(workers, () -> ws, (doc, brand, options, executor) -> {
            CompletableFuture<Renderers.All> real = Renderers.renderAll(doc, brand, options, executor);
            CompletableFuture<Renderers.All> gate = new CompletableFuture<>();
            held.add(gate);
            return gate.thenCombine(real, (x, all) -> all);
        });
    }

    @AfterEach
    void stop() {
        workers.close();
        ws.close();
        fx.close();
    }

    private static String html(Renderers.All all) {
        return all == null ? "" : all.web().body().html();
    }

    @Test
    void aRenderThatFinishesAfterANewerOneIsDropped() throws Exception {
        fx.run(() -> preview.requestNow("s", "# Ancien\n\nLe texte d’avant.\n"));
        fx.await(() -> held.size() == 1);
        fx.run(() -> preview.requestNow("s", "# Nouveau\n\nLe texte tapé ensuite.\n"));
        fx.await(() -> held.size() == 2);
        held.get(1).complete(null);
        fx.await(() -> html(preview.renditionsProperty().get()).contains("tapé ensuite"));
        held.get(0).complete(null);
        Thread.sleep(500);
        assertTrue(fx.call(() -> html(preview.renditionsProperty().get())).contains("tapé ensuite"));
    }

    @Test
    void quickEditsWithinTheDebounceMakeOneRender() throws Exception {
        fx.run(() -> {
            for (int i = 0; i < 10; i++) {
                preview.request("s", "# Titre\n\nVersion " + i + ".\n");
            }
        });
        fx.await(() -> held.size() == 1);
        held.get(0).complete(null);
        fx.await(() -> html(preview.renditionsProperty().get()).contains("Version 9."));
        Thread.sleep(PreviewModel.DEBOUNCE.toMillis() * 3);
        assertEquals(1, held.size());
    }

    @Test
    void textPreviewsFollowTypingAtAnOrdinaryPaceAndTheLastWordReachesAllFour() throws Exception {
        // The studio's own way: text channels first, the brochure after a longer pause.
        PreviewModel studio = new PreviewModel(workers, () -> ws, null, Spelling.shared());
        List<String> shown = new CopyOnWriteArrayList<>();
        fx.run(() -> {
            studio.spellingProperty().set(false);
            studio.renditionsProperty().addListener((o, a, all) -> shown.add(html(all)));
        });
        String text = "# Le fournil\n\nLe pain du jour";
        int words = 8;
        for (int i = 0; i < words; i++) {
            text += " mot" + i;
            String now = text + ".\n";
            fx.run(() -> studio.request("s", now));
            // A word every 120 ms or so: a steady typist, not a burst.
            Thread.sleep(120);
        }
        fx.await(() -> html(studio.renditionsProperty().get()).contains("mot" + (words - 1) + "."));
        // Some words reached the previews while typing went on, not only once it stopped.
        long during = shown.stream().filter(h -> h.contains("mot") && !h.contains("mot" + (words - 1) + ".")).count();
        assertTrue(during > 0, "no preview before the typing stopped: " + shown.size() + " updates");
        // The text previews may arrive with the brochure shown so far; the last word's own follows.
        fx.await(() -> brochureText(studio.renditionsProperty().get()).contains("mot" + (words - 1)));
    }

    private static String brochureText(Renderers.All all) throws java.io.IOException {
        if (all == null || all.brochure() == null) {
            return "";
        }
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(all.brochure().body().pdf())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
        }
    }

    @Test
    void theFindingsListIncludesTheContentChecks() throws Exception {
        fx.run(() -> preview.requestNow("s", "---\nlang: fr\n---\n# Atelier\n\nPour réserver, "
                + "[cliquez ici](https://example.com/r).\n"));
        fx.await(() -> held.size() == 1);
        held.get(0).complete(null);
        fx.await(() -> preview.renditionsProperty().get() != null);
        List<String> codes = fx.call(() -> preview.findings().stream().map(f -> f.code()).toList());
        assertTrue(codes.contains("check.link.vague"), codes.toString());
    }

    @Test
    void theParsersOwnFindingsReachTheFindingsList() throws Exception {
        // 30 nested quotes: the parser flattens them and says so; the studio must show it as the CLI does.
        fx.run(() -> preview.requestNow("s", "# Citations\n\n" + ">".repeat(30) + " Tout au fond.\n"));
        fx.await(() -> held.size() == 1);
        held.get(0).complete(null);
        fx.await(() -> preview.renditionsProperty().get() != null);
        List<String> codes = fx.call(() -> preview.findings().stream().map(f -> f.code()).toList());
        assertTrue(codes.contains("story.nestingLimited"), codes.toString());
    }

    /** Loading LanguageTool's French takes seconds, many more when other builds share the cores. */
    private static final int LOADING_SECONDS = 180;
    private static final String MISSPELT = "---\nlang: fr\n---\n# Le fournil\n\nPour réserver, "
            + "[cliquez ici](https://example.com/r).\n\nLe boulanjer ouvre à 7 heures.\n";

    private List<String> codes() throws Exception {
        return fx.call(() -> preview.findings().stream().map(Finding::code).toList());
    }

    /** Waits until the spelling thread has done all it was given and the UI thread has applied it. */
    private void drainSpelling() throws Exception {
        workers.spelling().submit(() -> { }).get(LOADING_SECONDS, TimeUnit.SECONDS);
        fx.run(() -> { });
    }

    @Test
    void spellingFindingsArriveAfterThePreviewsAndGoAtOnceWhenTurnedOff() throws Exception {
        fx.run(() -> preview.requestNow("s", MISSPELT));
        fx.await(() -> held.size() == 1);
        held.get(0).complete(null);
        fx.await(() -> preview.findings().stream().anyMatch(f -> f.code().equals("check.spelling")
                && f.args().get(0).equals("boulanjer") && f.line() == 8), LOADING_SECONDS);
        List<String> off = fx.call(() -> {
            preview.spellingProperty().set(false);
            return preview.findings().stream().map(Finding::code).toList();
        });
        assertFalse(off.stream().anyMatch(c -> c.startsWith("check.spelling")), off.toString());
        assertTrue(off.contains("check.link.vague"), off.toString());
        drainSpelling();
        assertFalse(codes().stream().anyMatch(c -> c.startsWith("check.spelling")), codes().toString());
    }

    @Test
    void withSpellingOffTheFindingsHaveNoSpellingFinding() throws Exception {
        fx.run(() -> preview.spellingProperty().set(false));
        fx.run(() -> preview.requestNow("s", MISSPELT));
        fx.await(() -> held.size() == 1);
        held.get(0).complete(null);
        fx.await(() -> preview.renditionsProperty().get() != null);
        drainSpelling();
        List<String> codes = codes();
        assertTrue(codes.contains("check.link.vague"), codes.toString());
        assertFalse(codes.stream().anyMatch(c -> c.startsWith("check.spelling")), codes.toString());
    }

    @Test
    void theFirstSpellingPassSaysTheDictionariesAreLoadingThenShowsItsFindings() throws Exception {
        // A checker of its own, so the French dictionaries are surely not loaded yet.
        PreviewModel cold = new PreviewModel(workers, () -> ws, Renderers::renderAll, new Spelling());
        List<String> seen = new CopyOnWriteArrayList<>();
        fx.run(() -> cold.findings().addListener((ListChangeListener<Finding>) c ->
                cold.findings().forEach(f -> seen.add(f.code()))));
        fx.run(() -> cold.requestNow("s", MISSPELT));
        fx.await(() -> cold.findings().stream().anyMatch(f -> f.code().equals("check.spelling")), LOADING_SECONDS);
        assertTrue(seen.indexOf("check.spelling.loading") >= 0, seen.toString());
        assertTrue(seen.indexOf("check.spelling.loading") < seen.indexOf("check.spelling"), seen.toString());
        assertFalse(fx.call(() -> cold.findings().stream().anyMatch(f -> f.code().equals("check.spelling.loading"))));
    }
}
