package org.cristal.ui.brand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cristal.library.Workspace;
import org.cristal.story.Brand;
import org.cristal.story.BrandParser;
import org.cristal.story.Severity;
import org.cristal.support.Corpus;
import org.cristal.ui.brand.BrandEditorModel.Field;
import org.cristal.ui.brand.BrandEditorModel.Issue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The brand editor's view model on a real workspace file, without the toolkit. */
class BrandEditorModelTest {
    @TempDir
    Path dir;
    private Workspace ws;
    private BrandEditorModel model;

    @BeforeEach
    void open() throws Exception {
        ws = Workspace.open(dir.resolve("client.cristal"));
        for (String id : List.of("boulangerie-martin", "harbor-pine")) {
            ws.brands().save(id, Files.readString(Corpus.brand(id)));
        }
        ws.stories().save("", Files.readString(Corpus.story("boulangerie-levain")));
        model = new BrandEditorModel(ws, Runnable::run, Runnable::run);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private Brand stored(String id) throws Exception {
        return BrandParser.parse(id, ws.brands().source(id).orElseThrow());
    }

    private boolean hasIssue(Field field, Severity severity) {
        return model.getIssues().stream().anyMatch(i -> i.field() == field && i.severity() == severity);
    }

    @Test
    void listsTheWorkspaceBrandsAndLoadsTheFirst() {
        assertEquals(List.of(new BrandEditorModel.Entry("boulangerie-martin", "Boulangerie Martin"),
                new BrandEditorModel.Entry("harbor-pine", "Harbor & Pine Coffee Roasters")), model.getBrands());
        assertEquals("boulangerie-martin", model.getSelectedId());
        assertEquals("Boulangerie Martin", model.nameProperty().get());
        assertEquals("#7A4B2A", model.primaryColorProperty().get());
        assertEquals("industriel\npas cher\nmeilleur pain du monde", model.bannedProperty().get());
        assertEquals("baguette tradition → tradition\nviennoiseries → viennoiseries maison",
                model.preferredProperty().get());
        assertEquals("mastodon: @boulangeriemartin@mastodon.example\nx: @BoulangerieMtn\ninstagram: boulangerie.martin",
                model.socialProperty().get());
        assertFalse(model.isDirty());
        assertEquals(Corpus.loadBrand("boulangerie-martin"), model.getPreviewBrand());
    }

    @Test
    void previewFollowsUnsavedEditsAtOnce() {
        model.primaryColorProperty().set("#123456");
        model.preferredProperty().set("cheap -> affordable");
        assertEquals("#123456", model.getPreviewBrand().colors().primary());
        assertEquals(Map.of("cheap", "affordable"), model.getPreviewBrand().voice().preferred());
        assertTrue(model.isDirty());
    }

    @Test
    void typingBackTheSavedValueIsNotDirty() {
        model.taglineProperty().set("Autre chose");
        assertTrue(model.isDirty());
        model.taglineProperty().set("Pain au levain depuis 1985");
        assertFalse(model.isDirty());
    }

    @Test
    void saveWritesTheEditedKitToTheWorkspace() throws Exception {
        model.nameProperty().set("Boulangerie Martin & Fils");
        model.accentColorProperty().set("#0a0b0c");
        model.socialProperty().set("x: @martin\nbluesky: martin.example");
        assertTrue(model.save());
        Brand b = stored("boulangerie-martin");
        assertEquals("Boulangerie Martin & Fils", b.name());
        assertEquals("#0A0B0C", b.colors().accent());
        assertEquals(Map.of("x", "@martin", "bluesky", "martin.example"), b.social());
        assertEquals("Pain au levain depuis 1985", b.tagline());
        assertFalse(model.isDirty());
        assertEquals("brand.message.saved", model.messageProperty().get().key());
        assertEquals("Boulangerie Martin & Fils", model.getBrands().get(0).name());
    }

    @Test
    void invalidColourBlocksSavingAndTheStoredKitStaysAsItWas() throws Exception {
        String before = ws.brands().source("boulangerie-martin").orElseThrow();
        model.textColorProperty().set("#12345");
        assertTrue(hasIssue(Field.TEXT, Severity.ERROR));
        assertEquals("#2B2118", model.getPreviewBrand().colors().text(), "the preview keeps the last good colour");
        assertFalse(model.save());
        assertEquals("brand.message.invalid", model.messageProperty().get().key());
        assertEquals(before, ws.brands().source("boulangerie-martin").orElseThrow());
    }

    @Test
    void websiteMustBeAnHttpAddress() {
        model.websiteProperty().set("javascript:alert(1)");
        assertTrue(hasIssue(Field.WEBSITE, Severity.ERROR));
        model.websiteProperty().set("ftp://example.org");
        assertTrue(hasIssue(Field.WEBSITE, Severity.ERROR));
        model.websiteProperty().set("https://");
        assertTrue(hasIssue(Field.WEBSITE, Severity.ERROR));
        model.websiteProperty().set("https://example.org/about");
        assertFalse(hasIssue(Field.WEBSITE, Severity.ERROR));
        model.websiteProperty().set("");
        assertFalse(hasIssue(Field.WEBSITE, Severity.ERROR));
    }

    @Test
    void nameIsRequired() {
        model.nameProperty().set("   ");
        assertTrue(hasIssue(Field.NAME, Severity.ERROR));
        assertFalse(model.save());
    }

    @Test
    void missingAddressWarnsButSaves() throws Exception {
        model.addressProperty().set("");
        assertTrue(hasIssue(Field.ADDRESS, Severity.WARNING));
        assertTrue(model.save());
        assertEquals("", stored("boulangerie-martin").contact().address());
    }

    @Test
    void lowContrastTextWarnsWithTheRatio() {
        model.textColorProperty().set("#BBBBBB");
        model.backgroundColorProperty().set("#FFFFFF");
        Issue issue = model.getIssues().stream().filter(i -> i.key().equals("brand.warning.contrast")).findFirst()
                .orElseThrow();
        assertEquals(Severity.WARNING, issue.severity());
        assertEquals(1.92, (Double) issue.args().get(0), 0.01);
        assertEquals(1.92, model.contrastProperty().get(), 0.01);
        model.textColorProperty().set("#222222");
        assertTrue(model.contrastProperty().get() >= BrandEditorModel.MIN_CONTRAST);
        assertFalse(model.getIssues().stream().anyMatch(i -> i.key().equals("brand.warning.contrast")));
    }

    @Test
    void malformedLinesAreErrorsWithTheirLineNumber() {
        model.utmProperty().set("source: cristal\nmedium\nsource: other");
        List<Issue> utm = model.getIssues().stream().filter(i -> i.field() == Field.UTM).toList();
        assertEquals(2, utm.size());
        assertEquals("brand.error.pairLine", utm.get(0).key());
        assertEquals(2, utm.get(0).args().get(0));
        assertEquals("brand.error.duplicateKey", utm.get(1).key());
        assertEquals(Map.of("source", "cristal"), model.getPreviewBrand().utm());
    }

    @Test
    void newBrandGetsAUniqueIdAndIsSelected() throws Exception {
        model.newBrand("Harbor Pine");
        assertEquals("harbor-pine-2", model.getSelectedId());
        assertEquals("Harbor Pine", model.nameProperty().get());
        assertTrue(model.getBrands().contains(new BrandEditorModel.Entry("harbor-pine-2", "Harbor Pine")));
        assertEquals("Harbor Pine", stored("harbor-pine-2").name());
        model.newBrand("Harbor Pine");
        assertEquals("harbor-pine-3", model.getSelectedId());
    }

    @Test
    void duplicateCopiesTheFormUnderANewName() throws Exception {
        model.toneProperty().set("plus chaleureux");
        model.duplicate("Martin Traiteur");
        assertEquals("martin-traiteur", model.getSelectedId());
        Brand copy = stored("martin-traiteur");
        assertEquals("Martin Traiteur", copy.name());
        assertEquals("plus chaleureux", copy.voice().tone());
        assertEquals("#7A4B2A", copy.colors().primary());
        assertEquals("chaleureux, artisanal, précis", stored("boulangerie-martin").voice().tone());
    }

    @Test
    void deletingABrandStoriesUseIsRefusedWithTheirCount() {
        model.delete();
        assertEquals("brand.message.inUse", model.messageProperty().get().key());
        assertEquals(1, model.messageProperty().get().args().get(1));
        assertTrue(ws.brands().source("boulangerie-martin").isPresent());
    }

    @Test
    void deletingAnUnusedBrandRemovesItAndSelectsAnother() {
        model.select("harbor-pine");
        model.delete();
        assertTrue(ws.brands().source("harbor-pine").isEmpty());
        assertEquals(List.of("boulangerie-martin"), model.getBrands().stream().map(BrandEditorModel.Entry::id).toList());
        assertEquals("boulangerie-martin", model.getSelectedId());
        assertEquals("brand.message.deleted", model.messageProperty().get().key());
    }

    @Test
    void revertDropsTheEdits() {
        model.nameProperty().set("Other");
        model.revert();
        assertEquals("Boulangerie Martin", model.nameProperty().get());
        assertFalse(model.isDirty());
    }

    @Test
    void anEmptyWorkspaceHasNothingToEdit() throws Exception {
        try (Workspace empty = Workspace.open(dir.resolve("empty.cristal"))) {
            BrandEditorModel m = new BrandEditorModel(empty, Runnable::run, Runnable::run);
            assertFalse(m.editingProperty().get());
            assertEquals(Brand.DEFAULT, m.getPreviewBrand());
            assertFalse(m.save());
            m.newBrand("Première marque");
            assertEquals("premiere-marque", m.getSelectedId());
            assertTrue(m.editingProperty().get());
        }
    }

    @Test
    void aStaleLoadIsDropped() {
        List<Runnable> queued = new java.util.ArrayList<>();
        BrandEditorModel m = new BrandEditorModel(ws, queued::add, Runnable::run);
        queued.remove(0).run(); // the list
        queued.remove(0).run(); // the first brand
        m.select("harbor-pine");
        m.select("boulangerie-martin");
        Runnable slowHarbor = queued.remove(0);
        queued.remove(0).run();
        slowHarbor.run();
        assertEquals("boulangerie-martin", m.getSelectedId());
        assertNotEquals("Harbor & Pine Coffee Roasters", m.nameProperty().get());
    }

    @Test
    void aChosenLogoIsStoredInTheWorkspaceAndResolvable() throws Exception {
        model.importLogo(Corpus.images().resolve("logo-harbor.png"));
        assertEquals("../images/boulangerie-martin-logo.png", model.logoProperty().get());
        assertTrue(ws.assetResolver().resolve(model.logoProperty().get()).isPresent());
        assertTrue(model.isDirty());
    }

    @Test
    void aFileThatIsNotAnImageIsRefusedAsLogo() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.png"), "not a picture");
        model.importLogo(notes);
        assertEquals("../images/logo-martin.png", model.logoProperty().get());
        assertEquals("brand.message.logoUnreadable", model.messageProperty().get().key());
        assertTrue(ws.assets().names().isEmpty());
    }
}
