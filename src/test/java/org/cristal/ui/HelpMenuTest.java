package org.cristal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.cristal.ui.StudioUnderTest.fx;
import static org.cristal.ui.StudioUnderTest.waitFor;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Help: the shortcuts as the menus define them, offline documentation, a problem report, About. */
@ExtendWith(ApplicationExtension.class)
class HelpMenuTest {
    @TempDir
    Path dir;
    Studio studio;
    Path file;
    final List<String> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        file = dir.resolve("Boulangerie.cristal");
        studio = StudioUnderTest.start(stage, dir, file, "en", 1366, 768, List.of(), "boulangerie-levain");
        studio.setLinkOpener(opened::add);
        studio.setLogFolder(dir.resolve("logs"));
    }

    private void help(FxRobot robot, String id) throws Exception {
        waitFor(() -> studio.model().editor().isOpen());
        robot.clickOn("#helpMenuLabel").clickOn("#" + id);
    }

    @Test
    void theShortcutsListIsReadFromTheMenusWithTheirKeys(FxRobot robot) throws Exception {
        help(robot, "menuShortcuts");
        waitFor(() -> robot.lookup("#shortcutsList").tryQuery().isPresent());
        List<String> lines = fx(() -> robot.lookup("#shortcutsList").lookup(".label").queryAllAs(Label.class)
                .stream().map(Label::getText).toList());
        String all = String.join("\n", lines);
        assertTrue(all.contains("Save now\nCtrl+S"), all);
        assertTrue(all.contains("Publish everywhere…\nCtrl+Shift+P"), all);
        assertTrue(all.contains("Documentation…\nF1"), all);
        // Each menu heads its own commands; a command without a shortcut is not listed.
        assertTrue(all.contains("Publish\nPublish everywhere…"), all);
        assertFalse(all.contains("Duplicate"), all);
    }

    @Test
    void aboutShowsTheVersionTheWorkspaceTheLogFolderAndTheNotices(FxRobot robot) throws Exception {
        help(robot, "menuAbout");
        waitFor(() -> robot.lookup("#aboutVersion").tryQuery().isPresent());
        String version = fx(() -> robot.lookup("#aboutVersion").queryAs(Label.class).getText());
        assertTrue(version.matches("Cristal \\S+ \\(development build\\)"), version);
        assertEquals(file.toString(), fx(() -> robot.lookup("#aboutWorkspacePath").queryAs(Label.class).getText()));
        assertEquals(dir.resolve("logs").toString(),
                fx(() -> robot.lookup("#aboutLogPath").queryAs(Label.class).getText()));
        assertTrue(fx(() -> robot.lookup("#aboutLicence").queryAs(Label.class).getText()).contains("Apache"));
        waitFor(() -> robot.lookup("#aboutNotices").queryAs(TextArea.class).getText().contains("org.xerial:sqlite-jdbc"));
        String notices = fx(() -> robot.lookup("#aboutNotices").queryAs(TextArea.class).getText());
        assertTrue(notices.contains("GNU Lesser General Public License"), "the LGPL libraries are named");
        assertTrue(notices.contains("NOTICE"), "each library's own NOTICE files follow the list");

        robot.clickOn("#aboutNoticesSearch").write("openhtmltopdf");
        waitFor(() -> robot.lookup("#aboutNotices").queryAs(TextArea.class).getSelectedText()
                .equalsIgnoreCase("openhtmltopdf"));

        robot.clickOn("#aboutCopyVersion");
        String copied = fx(() -> Clipboard.getSystemClipboard().getString());
        assertTrue(copied.startsWith(version) && copied.contains("Java " + Runtime.version()), copied);

        robot.clickOn("#aboutShowWorkspace");
        waitFor(() -> opened.contains(dir.toUri().toString()));
    }

    @Test
    void aProblemReportCarriesTheVersionAndSystemButNothingPersonal(FxRobot robot) throws Exception {
        help(robot, "menuReport");
        waitFor(() -> !opened.isEmpty());
        String uri = opened.get(0);
        String decoded = URLDecoder.decode(uri, StandardCharsets.UTF_8);
        assertTrue(uri.startsWith("https://") && uri.contains("/issues/new?title="), uri);
        assertTrue(decoded.contains("(development build)"), decoded);
        assertTrue(decoded.contains(System.getProperty("os.name")), decoded);
        assertTrue(decoded.contains("Java " + Runtime.version()), decoded);
        assertFalse(decoded.contains(System.getProperty("user.home")), decoded);
        assertFalse(decoded.contains(System.getProperty("user.name")), decoded);
        assertFalse(decoded.contains("Boulangerie"), "no workspace name: " + decoded);
        assertFalse(decoded.contains("levain"), "no story text: " + decoded);
    }

    @Test
    void theDocumentationOpensWithoutANetwork(FxRobot robot) throws Exception {
        help(robot, "menuDocs");
        waitFor(() -> robot.lookup("#docsView").tryQuery().isPresent());
        waitFor(() -> {
            Object text = robot.lookup("#docsView").queryAs(WebView.class).getEngine().getDocument() == null ? null
                    : robot.lookup("#docsView").queryAs(WebView.class).getEngine().getDocument().getDocumentElement()
                            .getTextContent();
            return text != null && text.toString().contains("One story, every channel")
                    && text.toString().contains("Publishing");
        });
    }
}
