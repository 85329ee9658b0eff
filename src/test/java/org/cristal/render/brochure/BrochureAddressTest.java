package org.cristal.render.brochure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.cristal.story.BrochurePdf;
import org.cristal.story.Rendition;
import org.cristal.story.StoryDocument;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;

class BrochureAddressTest {

    @Test
    void theQrCodeLeadsToTheSlugAndNamesItAsUtmCampaign() throws Exception {
        String source = Files.readString(Corpus.story("boulangerie-levain"), StandardCharsets.UTF_8)
                .replaceFirst("---\n", "---\nslug: quarante-ans-de-levain\n");
        StoryDocument doc = StoryDocument.parse("new-story-2", source);
        Rendition<BrochurePdf> r = Brochures.render(doc, Brochures.options());
        assertEquals(Optional.of("https://boulangerie-martin.example/quarante-ans-de-levain"
                + "?utm_source=brochure&utm_medium=print&utm_campaign=quarante-ans-de-levain"),
                PdfReading.qrCode(r.body().pdf()));
    }
}
