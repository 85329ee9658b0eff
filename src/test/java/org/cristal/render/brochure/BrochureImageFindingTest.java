package org.cristal.render.brochure;

import static org.cristal.render.brochure.Brochures.finding;
import static org.cristal.render.brochure.Brochures.render;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.cristal.story.BrochurePdf;
import org.cristal.story.Rendition;
import org.cristal.story.Story;
import org.junit.jupiter.api.Test;

/** A missing image is named in a line the reader can take in, however long its reference. */
class BrochureImageFindingTest {
    // 200,000 characters: a pasted data: image the brochure cannot resolve.
    private static final String DATA_IMAGE = "data:image/png;base64," + "iVBORw0KGgo".repeat(18_200);

    @Test
    void missingBodyImageWithALongPathIsNamedShortenedInTheFindingAndOnPaper() {
        // Data images never reach the body (the sanitiser refuses them); a long path does.
        String path = "photos/" + "atelier-".repeat(370) + "vitrine.jpg";
        Rendition<BrochurePdf> r = render(Story.of("long", "Photo", "Voici :\n\n![](" + path + ")\n"));
        String message = finding(r, "brochure.image.missing").message(Locale.FRENCH);
        assertTrue(message.length() < 200, message.length() + " characters");
        String printed = PdfReading.text(r.body().pdf());
        assertTrue(printed.length() < 1_000, "the placeholder prints " + printed.length() + " characters");
    }

    @Test
    void missingHeroImageWithAHugeReferenceIsNamedShortened() {
        Story s = BrochureRendererTest.withImage(Story.of("hero", "Photo", "Texte."), DATA_IMAGE);
        Rendition<BrochurePdf> r = render(s);
        String message = finding(r, "brochure.image.missing").message(Locale.ENGLISH);
        assertTrue(message.length() < 200, message.length() + " characters");
        assertTrue(message.contains("data:image/png;base64,"), message);
        assertTrue(PdfReading.text(r.body().pdf()).length() < 1_000, "the placeholder prints the reference whole");
    }
}
