package org.cristal.ui.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.cristal.library.Workspace;
import org.cristal.render.Renderers;
import org.cristal.story.Variants;
import org.cristal.ui.model.FxThread;
import org.cristal.ui.model.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview model gives each arm's texts side by side while the author types, without the toolkit. */
class PreviewVariantsTest {
    static final String STORY = """
            ---
            title: "Notre pain au levain"
            cta:
              label: "Commandez"
              url: "https://fournil.example/commande"
            variants:
              subject:
                b: "Le pain qui change tout"
              cta:
                b: "Réservez votre fournée"
                c: "Passez commande"
            ---
            Un pain qui se garde une semaine.
            """;

    @TempDir
    Path dir;
    FxThread fx;
    Workers workers;
    Workspace ws;
    PreviewModel preview;

    @BeforeEach
    void start() {
        fx = new FxThread();
        workers = Workers.start(fx::execute);
        ws = Workspace.open(dir.resolve("w.cristal"));
        preview = new PreviewModel(workers, () -> ws, Renderers::renderAll);
    }

    @AfterEach
    void stop() {
        workers.close();
        ws.close();
        fx.close();
    }

    @Test
    void eachArmsSubjectAndButtonAreGivenSideBySide() throws Exception {
        fx.run(() -> preview.requestNow("pain", STORY));
        fx.await(() -> !preview.variantsProperty().get().isEmpty());
        VariantSummary v = fx.call(() -> preview.variantsProperty().get());
        assertEquals(List.of("a", "b", "c"), v.arms());
        assertEquals(new VariantSummary.Row(Variants.Element.SUBJECT, List.of("Notre pain au levain",
                "Le pain qui change tout", "Notre pain au levain")), v.rows().get(0));
        assertEquals(new VariantSummary.Row(Variants.Element.CTA, List.of("Commandez", "Réservez votre fournée",
                "Passez commande")), v.rows().get(1));
    }

    @Test
    void aStoryWithoutVariantsShowsNone() throws Exception {
        fx.run(() -> preview.requestNow("pain", STORY));
        fx.await(() -> !preview.variantsProperty().get().isEmpty());
        fx.run(() -> preview.requestNow("pain", "---\ntitle: Pain\n---\nDu pain.\n"));
        fx.await(() -> preview.variantsProperty().get().isEmpty());
        assertEquals(VariantSummary.NONE, fx.call(() -> preview.variantsProperty().get()));
    }
}
