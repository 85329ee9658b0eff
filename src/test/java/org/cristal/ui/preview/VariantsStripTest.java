package org.cristal.ui.preview;

import static org.cristal.ui.preview.PreviewFixtures.onFx;
import static org.cristal.ui.preview.PreviewFixtures.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.cristal.story.StoryParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The e-mail preview shows the story's variants side by side, at a laptop's 1366×768. */
@ExtendWith(ApplicationExtension.class)
class VariantsStripTest {
    private PreviewGrid grid;

    @Start
    void start(Stage stage) {
        PreviewFixtures.theme();
        grid = new PreviewGrid(PreviewFixtures.bundle(Locale.FRENCH), Locale.FRENCH, PreviewFixtures.POOL);
        stage.setScene(new Scene(grid, 1366, 768));
        stage.show();
    }

    @Test
    void armBsSubjectIsShownBesideTheStoryAsWritten(FxRobot robot) throws Exception {
        VariantSummary v = VariantSummary.of(StoryParser.parse("pain", PreviewVariantsTest.STORY));
        runFx(() -> grid.showVariants(v));
        Node strip = robot.lookup("#variantsStrip").query();
        assertTrue(onFx(strip::isVisible));
        Label b = robot.lookup("#variant-subject-b").queryAs(Label.class);
        assertEquals("Le pain qui change tout", onFx(b::getText));
        // Laid out on the next pulse, not at once: wait for it rather than read a width of 0.
        long until = System.nanoTime() + 5_000_000_000L;
        while (onFx(() -> b.getLayoutBounds().getWidth()) <= 60 && System.nanoTime() < until) {
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(onFx(() -> b.getLayoutBounds().getWidth() > 60), "readable, not squeezed");
        Label name = robot.lookup("#variantName-subject").queryAs(Label.class);
        assertTrue(onFx(() -> name.getWidth() >= name.prefWidth(-1) - 0.5), "the element's name is never cut to …");
        assertEquals("Notre pain au levain", onFx(() -> robot.lookup("#variant-subject-a").queryAs(Label.class)
                .getText()));
        assertTrue(robot.lookup("A · tel qu’écrit").tryQuery().isPresent());
        assertEquals("Réservez votre fournée", onFx(() -> robot.lookup("#variant-cta-b").queryAs(Label.class)
                .getText()));

        runFx(() -> grid.showVariants(VariantSummary.NONE));
        assertFalse(onFx(strip::isVisible), "no variants, no strip");
    }
}
