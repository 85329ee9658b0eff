package org.cristal.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.cristal.render.Renderers;
import org.cristal.story.Brand;
import org.cristal.story.Finding;
import org.cristal.story.StoryDocument;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;

class ChecksTest {
    @Test
    void theCorpusGetsTheReviewAnEditorWouldGive() {
        Set<String> codes = Corpus.storyFiles().stream().flatMap(p -> {
            StoryDocument doc = Corpus.document(p.getFileName().toString());
            Brand brand = doc.story().brand().isBlank() ? Brand.DEFAULT : Corpus.loadBrand(doc.story().brand());
            return Checks.run(doc, brand, CheckSupport.render(doc, brand)).stream()
                    .map(f -> p.getFileName() + " " + f.code());
        }).collect(Collectors.toCollection(java.util.TreeSet::new));
        // The bakery's banned "industrielle" and the coffee story's passives; the rest reads well.
        assertEquals(Set.of("boulangerie-levain.md check.voice.banned", "coffee-huila.md check.passive"), codes);
    }

    @Test
    void everyFindingReadsInEnglishAndFrench() {
        String src = "---\nlang: fr\ntitle: Tout\nimage: IMG_1.jpg\nimage_alt: IMG_1.jpg\ncta:\n  label: Ici\n"
                + "  url: https://a.example/x\nchannels:\n  x:\n    text: \"-10 % le 2 mai, 4,90 € https://b.example\"\n"
                + "---\n🎉\n\n[Lire la suite](https://a.example/y) à 4.90 € et 4,90 €.\n";
        StoryDocument doc = CheckSupport.story(src);
        List<Finding> all = Checks.run(doc, Brand.DEFAULT, CheckSupport.render(doc, Brand.DEFAULT));
        assertTrue(all.size() >= 7, all.toString());
        for (Finding f : all) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
                String message = f.message(locale);
                assertFalse(message.contains("{") || message.equals(f.code()), f.code() + ": " + message);
            }
        }
    }

    @Test
    void runsWithOnlySomeRenditionsOrNone() {
        StoryDocument doc = Corpus.document("coffee-huila");
        Brand brand = Corpus.loadBrand("harbor-pine");
        Renderers.All full = CheckSupport.render(doc, brand);
        Renderers.All webOnly = new Renderers.All(full.web(), null, null, null);
        assertEquals(Checks.run(doc, brand, full), Checks.run(doc, brand, webOnly));
        assertEquals(Checks.run(doc, brand, full), Checks.run(doc, brand, null));
    }
}
