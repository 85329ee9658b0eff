package org.cristal.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cristal.story.Brand;
import org.cristal.story.Finding;
import org.cristal.story.Story;
import org.cristal.story.StoryDocument;
import org.cristal.story.StoryParser;
import org.cristal.story.Variants;
import org.junit.jupiter.api.Test;

class VariantFindingsTest {
    @Test
    void variantsWrittenAsAListAreReportedByTheChecks() throws Exception {
        Story s = StoryParser.parse("pain", """
                ---
                title: "Pain"
                variants: [b, c]
                ---
                Du pain.
                """);
        List<Finding> findings = Checks.run(StoryDocument.of(s), Brand.DEFAULT, null);
        assertTrue(findings.stream().anyMatch(f -> f.code().equals("story.variants.notMapping")), findings.toString());
        assertTrue(Variants.of(s).isEmpty());
    }

}
