package org.cristal.check;

import static org.cristal.check.CheckSupport.story;
import static org.cristal.check.CheckSupport.withCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.cristal.story.Brand;
import org.cristal.story.Finding;
import org.cristal.story.StoryDocument;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;

class AccessibilityTest {
    @Test
    void corpusStoriesWithDescribedImagesAndLinksPass() {
        for (String name : List.of("boulangerie-levain", "coffee-huila", "velo-atelier-solidaire", "nimbus-tax-season")) {
            assertEquals(List.of(), Accessibility.check(Corpus.document(name)), name);
        }
    }

    @Test
    void imagesWithoutDescriptionAreReportedAtTheirLine() {
        StoryDocument doc = story("---\nlang: en\nimage: hero.jpg\n---\nText.\n\n![](shop.jpg)\n");
        List<Finding> found = withCode(Accessibility.check(doc), "check.alt.missing");
        assertEquals(List.of(0, 7), found.stream().map(Finding::line).toList());
        assertEquals("Image “shop.jpg” has no description (alt text) for readers who cannot see it.",
                found.get(1).message(Locale.ENGLISH));
    }

    @Test
    void fileNamesAsDescriptionsAreReported() {
        StoryDocument doc = story("---\nlang: fr\nimage: ../images/IMG_1234.jpg\nimage_alt: IMG_1234.jpg\n---\n"
                + "![photo.png](photo.png)\n\n![DSC 0042](x/dsc0042.jpg)\n\n![hero-levain](hero-levain.jpg)\n\n"
                + "![Une miche farinée sur une planche](pain.png)\n");
        List<Finding> found = withCode(Accessibility.check(doc), "check.alt.fileName");
        assertEquals(List.of("IMG_1234.jpg", "photo.png", "DSC 0042"), found.stream().map(f -> f.args().get(0)).toList());
        assertEquals("La description d’image «\u00a0photo.png\u00a0» est un nom de fichier\u00a0; décrivez ce que montre "
                + "l’image.", found.get(1).message(Locale.FRENCH));
    }

    @Test
    void aDescriptionThatOnlySaysImageIsReported() {
        StoryDocument doc = story("---\nlang: fr\n---\n![Image](a.png)\n\n![Photo du fournil à 4 h](b.png)\n");
        List<Finding> found = withCode(Accessibility.check(doc), "check.alt.generic");
        assertEquals(1, found.size());
        assertEquals(4, found.get(0).line());
    }

    @Test
    void linksThatSayNothingOutOfContextAreReportedInBothLanguages() {
        StoryDocument doc = story("---\nlang: fr\ncta:\n  label: \"En savoir plus\"\n  url: https://a.example/x\n---\n"
                + "Pour réserver, [cliquez ici](https://a.example/r). [Lire la suite…](https://a.example/s)\n\n"
                + "[Click here!](https://a.example/c) or [read more](https://a.example/m).\n\n"
                + "Les places partent vite : [réservez la vôtre ici](https://a.example/atelier).\n\n"
                + "[Ici](https://a.example/i)\n");
        List<Finding> links = withCode(Accessibility.check(doc), "check.link.vague");
        assertEquals(List.of("cliquez ici", "Lire la suite…", "Click here!", "read more", "Ici"),
                links.stream().map(f -> f.args().get(0)).toList());
        assertEquals(List.of(7, 7, 9, 9, 13), links.stream().map(Finding::line).toList());
        List<Finding> cta = withCode(Accessibility.check(doc), "check.cta.vague");
        assertEquals(1, cta.size());
        assertEquals("En savoir plus", cta.get(0).args().get(0));
    }

    @Test
    void emojiOnlyLinesAreReportedButEmojiInTextAreFine() {
        StoryDocument doc = story("---\nlang: fr\n---\n🎉🎉🎉\n\nVenez voir le fournil 🍞.\n\n- 👍🏽 ✨\n- Pain ✅\n");
        List<Finding> found = withCode(Accessibility.check(doc), "check.emoji.only");
        assertEquals(List.of(4, 8), found.stream().map(Finding::line).toList());
        assertTrue(Accessibility.emojiOnly("👨‍👩‍👧‍👦"));
        assertFalse(Accessibility.emojiOnly("— * —"));
        assertFalse(Accessibility.emojiOnly("2026 🎉"));
    }

    @Test
    void aMissingDescriptionTheRenderersAlreadyReportedIsNotRepeated() {
        StoryDocument doc = story("---\nlang: en\n---\nText.\n\n![](https://cdn.example/shop.jpg)\n");
        Brand brand = Brand.DEFAULT;
        List<Finding> all = Checks.run(doc, brand, CheckSupport.render(doc, brand));
        // Remote images are blocked by default, so the renderers say nothing about this one: the check does.
        assertEquals(1, withCode(all, "check.alt.missing").size());
        StoryDocument hero = story("---\nlang: en\nimage: ../images/hero-coffee.jpg\n---\nText.\n");
        var renditions = CheckSupport.render(hero, brand);
        assertEquals(1, withCode(renditions.web().findings(), "image.altMissing").size());
        assertEquals(1, withCode(Accessibility.check(hero), "check.alt.missing").size());
        assertEquals(List.of(), withCode(Checks.run(hero, brand, renditions), "check.alt.missing"));
    }
}
