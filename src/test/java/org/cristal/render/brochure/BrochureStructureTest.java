package org.cristal.render.brochure;

import static org.cristal.render.brochure.Brochures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.cristal.story.Story;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;

/** What a screen reader finds in a brochure: the structure tree read back with PDFBox. */
class BrochureStructureTest {
    /** A tagged element as a screen reader meets it: its role, its text alternative and its text. */
    record Tag(String type, String alt, String text) {
    }

    @Test
    void headingsParagraphsAndListsAreTaggedInReadingOrder() throws IOException {
        List<Tag> tags = tags(render("coffee-huila").body().pdf());
        List<String> types = tags.stream().map(Tag::type).toList();
        assertTrue(types.contains("H1"), types.toString());
        assertEquals(5, types.stream().filter("H2"::equals).count(), "the five ## headings: " + types);
        assertTrue(types.stream().filter("P"::equals).count() >= 10, types.toString());
        assertTrue(types.contains("L") && types.contains("LI"), "the numbered list: " + types);
        assertTrue(types.indexOf("H1") < types.indexOf("H2"), "title before the first section");
    }

    @Test
    void everyFigureHasItsAltText() throws IOException {
        Story story = Corpus.document("coffee-huila").story();
        List<Tag> figures = tags(render("coffee-huila").body().pdf()).stream()
                .filter(t -> t.type().equals("Figure")).toList();
        List<String> alts = figures.stream().map(Tag::alt).toList();
        assertTrue(alts.contains(story.imageAlt()), "hero photo: " + alts);
        assertTrue(alts.contains("Harbor & Pine Coffee Roasters"), "logo: " + alts);
        assertTrue(alts.contains("https://harborpine.example/coffee-huila?utm_source=brochure&utm_medium=print"
                + "&utm_campaign=coffee-huila"), "QR code reads as its address: " + alts);
        for (Tag figure : figures) {
            assertNotNull(figure.alt(), "figure without alt text");
            assertTrue(!figure.alt().isBlank(), "figure with blank alt text");
        }
    }

    @Test
    void bodyImageKeepsItsMarkdownAltText() throws IOException {
        Story story = Story.of("atelier", "L’atelier", "Avant.\n\n![Un vélo rouge sur le pied d’atelier](../images/hero-velo.jpg)\n\nAprès.");
        List<String> alts = tags(Brochures.render(story).body().pdf()).stream()
                .filter(t -> t.type().equals("Figure")).map(Tag::alt).toList();
        assertEquals(List.of("Un vélo rouge sur le pied d’atelier"), alts);
    }

    static List<Tag> tags(byte[] pdf) throws IOException {
        List<Tag> tags = new ArrayList<>();
        try (PDDocument doc = PdfReading.load(pdf)) {
            PDStructureTreeRoot root = doc.getDocumentCatalog().getStructureTreeRoot();
            assertNotNull(root, "no structure tree: the PDF is not tagged");
            assertTrue(doc.getDocumentCatalog().getMarkInfo().isMarked(), "MarkInfo /Marked true");
            walk(root, tags);
        }
        return tags;
    }

    private static void walk(PDStructureNode node, List<Tag> tags) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                tags.add(new Tag(e.getStructureType(), e.getAlternateDescription(), e.getActualText()));
                walk(e, tags);
            }
        }
    }
}
