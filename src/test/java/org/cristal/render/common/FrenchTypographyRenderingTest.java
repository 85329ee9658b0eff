package org.cristal.render.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cristal.render.RenderOptions;
import org.cristal.render.brochure.BrochureRenderer;
import org.cristal.render.email.EmailRenderer;
import org.cristal.render.web.WebRenderer;
import org.cristal.story.Brand;
import org.cristal.story.Cta;
import org.cristal.story.EmailMessage;
import org.cristal.story.Status;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A French story reads with French spacing on the web page, in the e-mail and in the brochure. */
class FrenchTypographyRenderingTest {
    private static final RenderOptions OPTIONS = RenderOptions.at(Instant.parse("2026-03-14T09:30:00Z"));
    private static final String BODY = "Le levain? Il a dit «merci»! Réservez: https://boulangerie.example/?jour=samedi\n\n"
            + "`horaires: 7h?`\n";

    private static StoryDocument story(String lang) {
        return StoryDocument.of(new Story("levain", "Pourquoi le levain?", "Notre secret: du temps!", BODY, List.of(),
                lang, "", "", "", Optional.of(new Cta("Réservez!", "https://boulangerie.example/reserver")),
                Status.DRAFT, Map.of(), Map.of(), 1));
    }

    @Test
    void webPageOfAFrenchStoryHasNoBreakSpacesBeforeDoublePunctuationAndInsideGuillemets() {
        Document page = Jsoup.parse(new WebRenderer().render(story("fr"), Brand.DEFAULT, OPTIONS).body().html());
        assertEquals("Pourquoi le levain\u202F?", page.selectFirst("h1").wholeText());
        assertEquals("Notre secret\u00A0: du temps\u202F!", page.selectFirst(".lede").wholeText());
        String body = page.selectFirst(".story-body").wholeText();
        assertTrue(body.contains("Le levain\u202F? Il a dit «\u00A0merci\u00A0»\u202F! Réservez\u00A0: "
                + "https://boulangerie.example/?jour=samedi"), body);
        assertEquals("horaires: 7h?", page.selectFirst(".story-body code").text(), "code is left as written");
        assertEquals("https://boulangerie.example/?jour=samedi", page.selectFirst(".story-body a").attr("href"));
        assertEquals("Réservez\u202F!", page.selectFirst(".cta a").wholeText());
    }

    @Test
    void emailOfAFrenchStoryHasThemInSubjectHtmlAndPlainText() {
        EmailMessage mail = new EmailRenderer().render(story("fr"), Brand.DEFAULT, OPTIONS).body();
        assertEquals("Pourquoi le levain\u202F?", mail.subject());
        assertTrue(mail.text().contains("Il a dit «\u00A0merci\u00A0»\u202F!"), mail.text());
        assertTrue(Jsoup.parse(mail.html()).body().wholeText().contains("Il a dit «\u00A0merci\u00A0»\u202F!"));
    }

    @Test
    void brochureOfAFrenchStoryPrintsThem() throws Exception {
        byte[] pdf = new BrochureRenderer().render(story("fr"), Brand.DEFAULT, OPTIONS).body().pdf();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Pourquoi le levain\u202F?"), text);
            assertTrue(text.contains("«\u00A0merci\u00A0»\u202F!") || text.contains("« merci »\u202F!"), text);
        }
    }

    @Test
    void englishStoryIsLeftAsWritten() {
        Document page = Jsoup.parse(new WebRenderer().render(story("en"), Brand.DEFAULT, OPTIONS).body().html());
        assertEquals("Pourquoi le levain?", page.selectFirst("h1").wholeText());
        assertFalse(page.selectFirst(".story-body").wholeText().contains("\u202F"));
    }
}
