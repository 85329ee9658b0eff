package org.cristal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cristal.library.Workspace;
import org.cristal.story.Channel;
import org.cristal.support.Corpus;
import org.cristal.ui.export.ExportModel;
import org.cristal.ui.model.FxThread;
import org.cristal.ui.model.SaveState;
import org.cristal.ui.model.Settings;
import org.cristal.ui.model.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studio's view models driven as the window drives them, without the toolkit. */
class StudioModelTest {
    @TempDir
    Path dir;
    FxThread fx;
    StudioModel studio;
    Path file;

    @BeforeEach
    void start() throws Exception {
        file = dir.resolve("client.cristal");
        try (Workspace ws = Workspace.open(file)) {
            ws.stories().save("", Files.readString(Corpus.story("boulangerie-levain.md")), "");
        }
        fx = new FxThread();
        ResourceBundle text = ResourceBundle.getBundle("org.cristal.ui.messages", Locale.ENGLISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        studio = new StudioModel(Workers.start(fx::execute), Settings.load(dir.resolve("settings.properties")), text,
                Locale.ENGLISH);
        studio.open(file).get(20, TimeUnit.SECONDS);
        fx.await(() -> studio.editor().isOpen());
    }

    @AfterEach
    void stop() throws Exception {
        fx.run(studio::close);
        fx.close();
    }

    @Test
    void openingAWorkspaceListsItsStoriesAndOpensTheFirst() throws Exception {
        assertEquals(1, (int) fx.call(() -> studio.library().items().size()));
        assertFalse(fx.call(() -> studio.editor().bodyProperty().get()).isBlank());
        fx.await(() -> studio.preview().renditionsProperty().get() != null);
        assertTrue(fx.call(() -> studio.preview().renditionsProperty().get().web().body().html())
                .contains("<h1"));
    }

    @Test
    void typingIsAutosavedAsADraftWithinASecondAndSaveNowMakesARevision() throws Exception {
        String id = fx.call(() -> studio.editor().storyId());
        fx.run(() -> studio.editor().bodyProperty().set(studio.editor().bodyProperty().get() + "\nMiche au seigle.\n"));
        long typed = System.nanoTime();
        assertEquals(SaveState.UNSAVED, fx.call(() -> studio.editor().stateProperty().get()));
        fx.await(() -> studio.editor().stateProperty().get() == SaveState.DRAFT_SAVED);
        long millis = (System.nanoTime() - typed) / 1_000_000;
        // "Saved within about a second of the last keystroke" (the debounce is 700 ms).
        assertTrue(millis < 1500, millis + " ms");
        // A second process (the studio being killed now) would find the typing in the file.
        try (Workspace other = Workspace.open(file)) {
            assertTrue(other.stories().draft(id).orElseThrow().contains("Miche au seigle"));
            assertEquals(1, other.stories().history(id).size());
        }
        fx.call(() -> studio.editor().saveNow()).get(10, TimeUnit.SECONDS);
        fx.await(() -> studio.editor().stateProperty().get() == SaveState.SAVED);
        assertEquals(2, (int) fx.call(() -> studio.editor().revisionProperty().get()));
    }

    @Test
    void previewsFollowTheTextAndTheLastEditWins() throws Exception {
        fx.run(() -> {
            for (int i = 0; i < 20; i++) {
                studio.editor().bodyProperty().set("# Titre " + i + "\n\nTexte numéro " + i + ".\n");
            }
        });
        fx.await(() -> {
            var all = studio.preview().renditionsProperty().get();
            return all != null && all.web().body().html().contains("Texte numéro 19");
        });
        Thread.sleep(400);
        assertTrue(fx.call(() -> studio.preview().renditionsProperty().get().email().body().text())
                .contains("Texte numéro 19"));
    }

    @Test
    void newStoryIsFoundBySearchOnceSaved() throws Exception {
        String id = fx.call(() -> studio.library().newStory("", "fr")).get(10, TimeUnit.SECONDS);
        fx.call(() -> studio.editor().open(id)).get(10, TimeUnit.SECONDS);
        fx.run(() -> studio.editor().bodyProperty().set("Notre kouign-amann sort du four à sept heures.\n"));
        fx.call(() -> studio.editor().saveNow()).get(10, TimeUnit.SECONDS);
        fx.run(() -> studio.library().queryProperty().set("kouign"));
        fx.await(() -> studio.library().items().size() == 1 && studio.library().items().get(0).id().equals(id));
    }

    @Test
    void restoringAnOlderRevisionBringsItsTextBackAsTheNewest() throws Exception {
        String original = fx.call(() -> studio.editor().bodyProperty().get());
        fx.run(() -> studio.editor().bodyProperty().set("Tout réécrit.\n"));
        fx.call(() -> studio.editor().saveNow()).get(10, TimeUnit.SECONDS);
        fx.call(() -> studio.history().load()).get(10, TimeUnit.SECONDS);
        assertEquals(2, (int) fx.call(() -> studio.history().revisions().size()));
        fx.await(() -> !studio.history().diff().isEmpty());
        fx.call(() -> studio.history().restoreSelected()).get(10, TimeUnit.SECONDS);
        assertEquals(original, fx.call(() -> studio.editor().bodyProperty().get()));
        assertEquals(3, (int) fx.call(() -> studio.editor().revisionProperty().get()));
    }

    @Test
    void deletedStoryGoesToTheTrashAndComesBack() throws Exception {
        String id = fx.call(() -> studio.editor().storyId());
        var trashed = fx.call(() -> studio.library().moveToTrash(id)).get(10, TimeUnit.SECONDS);
        assertTrue(fx.call(() -> studio.library().items().isEmpty()));
        assertEquals(1, (int) fx.call(() -> studio.library().trash().size()));
        fx.call(() -> studio.library().untrash(trashed)).get(10, TimeUnit.SECONDS);
        assertEquals(1, (int) fx.call(() -> studio.library().items().size()));
    }

    @Test
    void brochureExportHoldsTheLastKeystroke() throws Exception {
        fx.run(() -> studio.editor().bodyProperty().set("# Pain du jour\n\nLe pain aux noix revient lundi.\n"));
        Path pdf = dir.resolve("out").resolve("brochure.pdf");
        Files.createDirectories(pdf.getParent());
        ExportModel.Job job = fx.call(() -> studio.exports().start(ExportModel.Kind.BROCHURE, pdf));
        List<Path> files = job.result().get(30, TimeUnit.SECONDS);
        assertEquals(List.of(pdf.toAbsolutePath().normalize()), files);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertTrue(new PDFTextStripper().getText(doc).contains("aux noix revient"));
        }
    }

    @Test
    void theChosenPaperAndPrintReadyReachThePreviewAndTheExport() throws Exception {
        fx.await(() -> studio.preview().renditionsProperty().get() != null);
        fx.run(() -> {
            studio.preview().paperProperty().set(org.cristal.render.PaperSize.A5);
            studio.preview().printReadyProperty().set(true);
        });
        // 148 mm trim plus 3 mm bleed on each side, in points.
        double trim = 148 / 25.4 * 72;
        double sheet = 154 / 25.4 * 72;
        fx.await(() -> {
            // The text previews come first: the brochure follows them.
            var brochure = studio.preview().renditionsProperty().get().brochure();
            if (brochure == null) {
                return false;
            }
            byte[] pdf = brochure.body().pdf();
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                return Math.abs(doc.getPage(0).getMediaBox().getWidth() - sheet) < 1
                        && Math.abs(doc.getPage(0).getTrimBox().getWidth() - trim) < 1;
            }
        });
        Path pdf = dir.resolve("flyer.pdf");
        fx.call(() -> studio.exports().start(ExportModel.Kind.BROCHURE, pdf)).result().get(30, TimeUnit.SECONDS);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(sheet, doc.getPage(0).getMediaBox().getWidth(), 1);
            assertEquals(trim, doc.getPage(0).getTrimBox().getWidth(), 1);
        }
        assertEquals("A5", fx.call(() -> studio.settings().get("brochure.paper", "")));
    }

    @Test
    void exportAllWritesEveryChannel() throws Exception {
        Path out = dir.resolve("all");
        ExportModel.Job job = fx.call(() -> studio.exports().start(ExportModel.Kind.ALL, out));
        job.result().get(30, TimeUnit.SECONDS);
        for (Channel c : Channel.values()) {
            assertTrue(Files.isDirectory(out.resolve(c.name().toLowerCase(Locale.ROOT))), c.name());
        }
    }

    @Test
    void aCorruptWorkspaceLeavesTheOpenOneAndSaysWhy() throws Exception {
        Path bad = dir.resolve("bad.cristal");
        Files.write(bad, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17});
        var f = fx.call(() -> studio.open(bad));
        assertThrowsLater(f);
        fx.await(() -> !studio.problemProperty().get().isEmpty());
        assertNotNull(fx.call(() -> studio.workspaceProperty().get()));
        assertEquals(file, fx.call(() -> studio.workspaceProperty().get().path()));
        assertTrue(fx.call(() -> studio.editor().isOpen()));
    }

    @Test
    void aReadOnlyWorkspaceOpensWithABannerAndAnEditIsRefusedClearly() throws Exception {
        Path stick = Files.createDirectories(dir.resolve("stick"));
        Path other = stick.resolve("archive.cristal");
        try (Workspace ws = Workspace.open(other)) {
            ws.stories().save("", Files.readString(Corpus.story("osteo-samedi.md")), "");
        }
        try (org.cristal.support.Storage.Undo ro = org.cristal.support.Storage.readOnlyFolder(stick)) {
            fx.call(() -> studio.open(other)).get(20, TimeUnit.SECONDS);
            fx.await(() -> studio.editor().isOpen() && other.equals(studio.workspaceProperty().get().path()));
            String banner = fx.call(() -> studio.problemProperty().get());
            assertTrue(banner.contains("archive.cristal") && banner.contains("read-only"), banner);
            assertFalse(banner.contains("damaged"), banner);
            fx.run(() -> studio.editor().bodyProperty().set(studio.editor().bodyProperty().get() + "\nUn ajout.\n"));
            fx.await(() -> studio.editor().stateProperty().get() == SaveState.FAILED);
            String refused = fx.call(() -> studio.editor().problemProperty().get());
            assertTrue(refused.contains("read-only"), refused);
            fx.run(() -> studio.open(file));
            fx.await(() -> file.equals(studio.workspaceProperty().get().path()));
        }
    }

    private static void assertThrowsLater(java.util.concurrent.CompletableFuture<?> f) {
        try {
            f.get(20, TimeUnit.SECONDS);
        } catch (Exception expected) {
            return;
        }
        throw new AssertionError("opening should have failed");
    }

    @Test
    void reopeningRemembersTheWorkspaceAndStory() throws Exception {
        String id = fx.call(() -> studio.editor().storyId());
        Settings again = Settings.load(dir.resolve("settings.properties"));
        assertEquals(file.toAbsolutePath().normalize(), again.lastWorkspace().orElseThrow());
        assertEquals(id, again.lastStory(file).orElseThrow());
    }

    @Test
    void theSpellingOptionIsOnByDefaultAndTurningItOffIsRemembered() throws Exception {
        assertTrue(fx.call(() -> studio.preview().spellingProperty().get()));
        fx.run(() -> studio.preview().spellingProperty().set(false));
        assertFalse(fx.call(() -> studio.settings().spellingEnabled()));
        fx.run(() -> studio.settings().save());
        assertFalse(Settings.load(dir.resolve("settings.properties")).spellingEnabled());
    }
}
