package org.cristal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.cristal.ui.StudioUnderTest.fx;
import static org.cristal.ui.StudioUnderTest.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TitledPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.cristal.library.Workspace;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The studio as a French user sees it on a 1366×768 laptop: every field usable, nothing cut. */
@ExtendWith(ApplicationExtension.class)
class StudioLaptopTest {
    /** Narrower than this, a text field shows a few letters of a subject line or a link. */
    static final double USABLE_FIELD = 200;

    @TempDir
    Path dir;
    Studio studio;
    Stage stage;

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        Path file = dir.resolve("boulangerie.cristal");
        try (Workspace ws = Workspace.open(file)) {
            ws.assets().put("images/hero-levain.jpg", Files.readAllBytes(Corpus.images().resolve("hero-levain.jpg")),
                    "");
        }
        studio = StudioUnderTest.start(stage, dir, file, "fr", 1366, 768, List.of("boulangerie-martin"),
                "boulangerie-levain");
    }

    private void ready() throws Exception {
        waitFor(() -> studio.model().editor().isOpen() && studio.model().preview().renditionsProperty().get() != null);
    }

    private void openSections(FxRobot robot) {
        robot.interact(() -> {
            robot.lookup("#ctaImageSection").queryAs(TitledPane.class).setExpanded(true);
            robot.lookup("#channelSection").queryAs(TitledPane.class).setExpanded(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void everyFieldOfTheFormIsWideEnoughToUseAt1366By768InFrench(FxRobot robot) throws Exception {
        ready();
        openSections(robot);
        // With the hero image's thumbnail shown, which takes room of its own.
        waitFor(() -> robot.lookup("#heroThumbnail").queryAs(ImageView.class).getImage() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Region scroll = robot.lookup("#formScroll").queryAs(Region.class);
        double visibleRight = fx(() -> {
            Node viewport = scroll.lookup(".viewport");
            return viewport.localToScene(viewport.getLayoutBounds()).getMaxX();
        });
        for (String id : List.of("titleField", "summaryField", "tagsField", "ctaLabelField", "ctaUrlField",
                "imageField", "imageAltField", "emailSubjectField", "emailPreheaderField", "socialTextField",
                "chooseImage")) {
            Region field = robot.lookup("#" + id).queryAs(Region.class);
            double width = fx(field::getWidth);
            if (!id.equals("chooseImage")) {
                assertTrue(width >= USABLE_FIELD, id + " is " + width + " px wide");
            }
            // Wholly inside its section and the form's visible width: nothing hidden past a right edge.
            double right = fx(() -> field.localToScene(field.getLayoutBounds()).getMaxX());
            double sectionRight = fx(() -> {
                Node n = field;
                while (!(n instanceof TitledPane) && n.getParent() != null
                        && !n.getStyleClass().contains("front-matter-form")) {
                    n = n.getParent();
                }
                double inset = n instanceof Region r ? r.getInsets().getRight() : 0;
                return n.localToScene(n.getLayoutBounds()).getMaxX() - inset;
            });
            assertTrue(right <= Math.min(visibleRight, sectionRight) + 0.5,
                    id + " ends at " + right + ", its section at " + sectionRight + ", the form at " + visibleRight);
        }
    }

    @Test
    void noButtonOrSectionTitleIsCutAt1366By768InFrench(FxRobot robot) throws Exception {
        ready();
        openSections(robot);
        waitFor(() -> robot.lookup("#brochurePage").queryLabeled().getText().startsWith("Page 1 /"));
        List<String> cut = fx(() -> {
            List<String> out = new ArrayList<>();
            for (Node n : all(stage.getScene().getRoot())) {
                if ((n instanceof ButtonBase || n instanceof TitledPane) && n.isVisible()
                        && truncated((Labeled) n)) {
                    out.add(((Labeled) n).getText());
                }
            }
            return out;
        });
        assertEquals(List.of(), cut);
    }

    @Test
    void eachPreviewShowsItsWholeNameAndItsControlsInsideItsPane(FxRobot robot) throws Exception {
        ready();
        waitFor(() -> robot.lookup("#brochurePage").queryLabeled().getText().startsWith("Page 1 /"));
        fx(() -> {
            for (Node title : robot.lookup(".preview-title").queryAll()) {
                assertFalse(truncated((Labeled) title), ((Labeled) title).getText() + " is cut");
            }
            for (String channel : List.of("web", "email", "social", "brochure")) {
                Node maximise = robot.lookup("#" + channel + "Maximise").query();
                Node pane = maximise.getParent().getParent();
                Bounds inPane = pane.sceneToLocal(maximise.localToScene(maximise.getBoundsInLocal()));
                assertTrue(inPane.getMaxX() <= pane.getLayoutBounds().getMaxX(), channel + " runs out of its pane");
            }
            return null;
        });
    }

    @Test
    void theHeroImageThumbnailShowsTheStorysPicture(FxRobot robot) throws Exception {
        ready();
        openSections(robot);
        waitFor(() -> {
            ImageView thumb = robot.lookup("#heroThumbnail").queryAs(ImageView.class);
            return thumb.getImage() != null && thumb.isVisible();
        });
        ImageView thumb = robot.lookup("#heroThumbnail").queryAs(ImageView.class);
        assertFalse(thumb.getImage().isError());
        assertTrue(fx(() -> thumb.getBoundsInParent().getWidth()) > 60);
        // Another picture name the workspace does not hold: no stale picture stays.
        robot.interact(() -> studio.model().editor().form().imageProperty().set("../images/absente.jpg"));
        waitFor(() -> !robot.lookup("#heroThumbnail").queryAs(ImageView.class).isVisible());
    }

    @Test
    void aLongNoticeWrapsInsideTheWindowAndItsUndoWorks(FxRobot robot) throws Exception {
        ready();
        String id = fx(() -> studio.model().editor().storyId());
        robot.interact(() -> studio.model().editor().form().titleProperty()
                .set("Quarante ans de levain, et toujours la même main au fournil de la rue des Tanneurs à Senlis"));
        robot.clickOn("#deleteStory");
        robot.clickOn("#confirmDelete");
        waitFor(() -> robot.lookup("#noticeText").tryQuery().isPresent());
        fx(() -> {
            Node notice = robot.lookup("#noticeText").query().getParent();
            Bounds b = notice.localToScene(notice.getBoundsInLocal());
            assertTrue(b.getMinX() >= 0 && b.getMaxX() <= stage.getScene().getWidth(), "notice at " + b);
            assertTrue(b.getMaxY() <= stage.getScene().getHeight(), "notice at " + b);
            assertFalse(truncated(robot.lookup("#noticeAction").queryAs(Labeled.class)));
            return null;
        });
        robot.clickOn("#noticeAction");
        waitFor(() -> studio.model().library().items().stream().anyMatch(i -> i.id().equals(id)));
        assertTrue(robot.lookup("#noticeText").tryQuery().isEmpty());
    }

    @Test
    void theStatusBarCountsStoriesAsTheyAreCreatedAndDeleted(FxRobot robot) throws Exception {
        ready();
        assertTrue(status(robot).contains("1 histoire"), status(robot));
        robot.clickOn("#newStory");
        waitFor(() -> status(robot).contains("2 histoires"));
        robot.clickOn("#deleteStory");
        robot.clickOn("#confirmDelete");
        waitFor(() -> status(robot).contains("1 histoire,"));
    }

    @Test
    void theStoryVersionsAreNotInAMenuNamedAlmostLikeThemInEitherLanguage(FxRobot robot) throws Exception {
        ready();
        for (java.util.Locale locale : List.of(java.util.Locale.FRENCH, java.util.Locale.ENGLISH)) {
            java.util.ResourceBundle text = StudioWindow.bundle(locale);
            String menu = text.getString("menu.story");
            String item = text.getString("menu.history");
            // "Histoire › Historique…": two words that start alike for two different things.
            assertFalse(nearHomonyms(menu, item), menu + " › " + item);
        }
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        Menu holder = bar.getMenus().stream().filter(m -> m.getItems().stream()
                .anyMatch(i -> "menuHistory".equals(i.getId()))).findFirst().orElseThrow();
        assertEquals(StudioWindow.bundle(java.util.Locale.FRENCH).getString("menu.story"), holder.getText());
    }

    /** Different words that start alike ("Histoire", "Historique"); the same word twice is not. */
    private static boolean nearHomonyms(String menu, String item) {
        String a = menu.toLowerCase(java.util.Locale.ROOT).split("[\\s…]+")[0];
        String b = item.toLowerCase(java.util.Locale.ROOT).split("[\\s…]+")[0];
        int common = 0;
        while (common < Math.min(a.length(), b.length()) && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        return !a.equals(b) && common >= 5;
    }

    private static String status(FxRobot robot) throws Exception {
        return fx(() -> robot.lookup("#workspaceStatus").queryLabeled().getText());
    }

    /** Whether a control shows its text shortened with "…" (its skin's text node holds less than the text). */
    static boolean truncated(Labeled labeled) {
        String full = labeled.getText();
        // A section's title is in its title bar; its content holds other texts.
        Node own = labeled instanceof TitledPane ? labeled.lookup(".title") : labeled;
        Text shown = textOf(own, labeled);
        return full != null && !full.isEmpty() && shown != null && !full.equals(shown.getText());
    }

    /** The first text node of a control's own skin, not looking into the controls it holds (a section's fields). */
    private static Text textOf(Node node, Labeled owner) {
        if (node instanceof Text t && t.getStyleClass().contains("text")) {
            return t;
        }
        if (node != owner && (node instanceof Labeled || node instanceof javafx.scene.control.TextInputControl)) {
            return null;
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                Text t = textOf(child, owner);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    static List<Node> all(Node root) {
        List<Node> out = new ArrayList<>();
        out.add(root);
        if (root instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                out.addAll(all(child));
            }
        }
        return out;
    }
}
