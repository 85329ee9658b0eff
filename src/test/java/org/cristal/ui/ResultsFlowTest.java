package org.cristal.ui;

import static org.cristal.ui.StudioUnderTest.fx;
import static org.cristal.ui.StudioUnderTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.cristal.library.Workspace;
import org.cristal.library.abtest.AbTests;
import org.cristal.library.audience.ContactChannel;
import org.cristal.library.audience.ContactDraft;
import org.cristal.library.audience.Delivery;
import org.cristal.library.audience.Purpose;
import org.cristal.library.results.Counts;
import org.cristal.library.results.ResultsWorkspace;
import org.cristal.library.results.WebRow;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A story's results in the real window: the channels table, the exports, the galaxy, an analytics import. */
@ExtendWith(ApplicationExtension.class)
class ResultsFlowTest {
    private static final Instant AT = Instant.parse("2026-11-30T09:00:00Z");
    @TempDir
    Path dir;
    Studio studio;
    String slug;
    long masto;
    long letter;
    Path file;
    final List<String> opened = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        file = dir.resolve("boulangerie.cristal");
        try (Workspace ws = Workspace.open(file)) {
            String story = ws.stories().save("", Files.readString(Corpus.story("boulangerie-levain.md")), "").id();
            slug = ws.stories().get(story).orElseThrow().story().webSlug();
            masto = ResultsWorkspace.published(ws, story, "mastodon", "social", "@levain@piaille.fr",
                    "https://piaille.fr/@levain/1", AT);
            letter = ResultsWorkspace.published(ws, story, "smtp-newsletter", "email", "412 abonnés", "", AT);
            ws.results().recordCounts(masto, Map.of(Counts.FAVOURITES, 7L, Counts.BOOSTS, 2L), AT.plusSeconds(60));
            ws.results().importWeb("plain.csv", "csv", "plain", List.of(
                    new WebRow(LocalDate.of(2026, 11, 30), slug, "newsletter", "email", "", 120, 9),
                    new WebRow(LocalDate.of(2026, 11, 30), slug, "mastodon", "social", "", 12, 1)));
        }
        studio = StudioUnderTest.start(stage, dir, file);
    }

    @SuppressWarnings("unchecked")
    private static TableView<Object> table(FxRobot robot) {
        return robot.lookup("#resultsChannels").queryAs(TableView.class);
    }

    /** The text a column shows on a row, as the user reads it. */
    private static String cell(FxRobot robot, int row, int column) throws Exception {
        return fx(() -> String.valueOf(table(robot).getColumns().get(column).getCellData(row)));
    }

    @Test
    void openAStorysResultsReadTheNumbersExportThemAndOpenAPostFromTheGalaxy(FxRobot robot) throws Exception {
        waitFor(() -> studio.model().editor().isOpen());
        Path csv = dir.resolve("table.csv");
        Path png = dir.resolve("galaxy.png");
        robot.interact(() -> {
            studio.window().commands().setLinks(opened::add);
            studio.window().commands().setChoosers(new Answers(null, csv));
        });
        robot.clickOn("#resultsButton");
        waitFor(() -> table(robot).getItems().size() == 3);
        assertEquals(List.of("newsletter (1)", "–", "0", "120", "9", "7.5% (4.0% to 13.6%)"),
                List.of(cell(robot, 0, 0), cell(robot, 0, 1), cell(robot, 0, 2), cell(robot, 0, 3), cell(robot, 0, 4),
                        cell(robot, 0, 5)));
        assertEquals("8.3% (1.5% to 35.4%)\ntoo few to tell", cell(robot, 1, 5));
        assertEquals("All channels (2)", cell(robot, 2, 0));
        assertEquals("2 publications · 9 reactions · 132 visitors · 10 conversions (links tagged utm_campaign="
                + slug + ")", robot.lookup("#resultsSummary").queryLabeled().getText());

        robot.clickOn("#resultsExportCsv");
        waitFor(() -> Files.exists(csv) && robot.lookup("#resultsMessage").queryLabeled().getText()
                .equals("Saved as table.csv."));
        assertTrue(Files.readString(csv, StandardCharsets.UTF_8).contains("\r\nmastodon,1,,9,12,1,"));

        TabPane tabs = robot.lookup("#resultsTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        waitFor(() -> robot.lookup("#galaxyPublication-" + masto).tryQuery().isPresent());
        robot.clickOn(robot.lookup("#galaxyPublication-" + masto).queryAs(Node.class));
        waitFor(() -> opened.equals(List.of("https://piaille.fr/@levain/1")));
        assertEquals("Social posts", robot.lookup("#galaxyHub-social").queryLabeled().getText());

        robot.interact(() -> studio.window().commands().setChoosers(new Answers(null, png)));
        robot.clickOn("#resultsExportPng");
        waitFor(() -> Files.exists(png));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 300 && image.getHeight() > 200, "the galaxy as the user sees it");
    }

    @Test
    void importAPlainAnalyticsFileAndReadItsNumbersInTheTable(FxRobot robot) throws Exception {
        Path report = dir.resolve("rapport.csv");
        Files.writeString(report, "date,campaign,source,medium,content,visitors,conversions\n"
                + "2026-12-01," + slug + ",bluesky,social,,64,5\n", StandardCharsets.UTF_8);
        waitFor(() -> studio.model().editor().isOpen());
        robot.interact(() -> studio.window().commands().setChoosers(new Answers(report, null)));
        robot.clickOn("#resultsButton");
        waitFor(() -> table(robot).getItems().size() == 3);
        robot.clickOn("#resultsImport");
        waitFor(() -> table(robot).getItems().size() == 4);
        waitFor(() -> cell(robot, 3, 0).equals("All channels (2)") && cell(robot, 3, 3).equals("196"));
        assertTrue(robot.lookup("#resultsMessage").queryLabeled().getText().startsWith("1 line imported, 1 of them for a story"));
    }

    @Test
    void anAbTestOfTheStoryIsReadInItsOwnTabWithoutAWinnerOnSoFewContacts(FxRobot robot) throws Exception {
        waitFor(() -> studio.model().editor().isOpen());
        try (Workspace ws = Workspace.open(file)) {
            String story = ws.stories().list().get(0).id();
            AbTests.Test t = ws.abTests().create("ab-key", story, "subject", List.of("a", "b"), AbTests.CONVERSIONS,
                    new AbTests.Plan(0.2, 0.05, false, 0.05, 0.8, 1094));
            ws.abTests().link(t.id(), letter);
            List<Long> contacts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                contacts.add(ws.audience().contacts().save(ContactDraft.of("c" + i + "@example.com")).contact().id());
            }
            ws.abTests().assign(t.id(), contacts);
            for (long c : contacts) {
                ws.audience().deliveries().record(c, letter, story, ContactChannel.EMAIL, Purpose.MARKETING,
                        Delivery.Outcome.SENT, "");
            }
            ws.results().importWeb("ab.csv", "csv", "plain", List.of(
                    new WebRow(LocalDate.of(2026, 12, 1), slug, "newsletter", "email", "a", 6, 2),
                    new WebRow(LocalDate.of(2026, 12, 1), slug, "newsletter", "email", "b", 9, 5)));
        }
        robot.clickOn("#resultsButton");
        waitFor(() -> table(robot).getItems().size() == 3);
        TabPane tabs = robot.lookup("#resultsTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(4));
        waitFor(() -> robot.lookup("#abTestArms-0").tryQuery().isPresent());
        assertTrue(robot.lookup("#abTestTitle-0").queryLabeled().getText().startsWith("Subject · sent "),
                robot.lookup("#abTestTitle-0").queryLabeled().getText());
        // A is the story as written: its e-mail subject, read from the revision that was sent.
        assertTrue(!robot.lookup("#abTestText-0-a").queryLabeled().getText().equals("–"));
        String verdict = robot.lookup("#evaluationVerdict").queryLabeled().getText();
        assertTrue(verdict.contains("1,094"), "no winner before the planned 1,094 per variant: " + verdict);
        assertTrue(robot.lookup("#evaluationB").queryLabeled().getText().startsWith("5 of 20"),
                robot.lookup("#evaluationB").queryLabeled().getText());
    }

    /** Answers the open dialog with one file and the save dialog with another. */
    private record Answers(Path open, Path save) implements Choosers {
        @Override
        public Optional<Path> saveFile(javafx.stage.Window owner, String title, String initialName) {
            return Optional.ofNullable(save);
        }

        @Override
        public Optional<Path> openFile(javafx.stage.Window owner, String title, String filter, List<String> patterns) {
            return Optional.ofNullable(open);
        }

        @Override
        public Optional<Path> folder(javafx.stage.Window owner, String title) {
            return Optional.empty();
        }
    }
}
