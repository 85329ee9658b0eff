package org.cristal.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.cristal.check.BrandVoice;
import org.cristal.story.Finding;
import org.cristal.story.StoryDocument;
import org.cristal.support.Corpus;
import org.junit.jupiter.api.Test;

class MarkTest {
    /**
     * The command line prints "story.md:29: …" about the file; the studio says "ligne 11" about its
     * editor, which shows the body alone. Each number must point at the words in its own text.
     */
    @Test
    void theFileLineAndTheEditorLineOfAFindingBothPointAtItsWords() throws Exception {
        String file = Files.readString(Corpus.story("boulangerie-levain"));
        StoryDocument doc = Corpus.document("boulangerie-levain");
        List<Finding> found = BrandVoice.check(doc, Corpus.loadBrand("boulangerie-martin")).stream()
                .filter(Finding::hasLine).toList();
        assertFalse(found.isEmpty());
        String[] fileLines = file.split("\n", -1);
        String[] editorLines = doc.story().body().split("\n", -1);
        for (Finding f : found) {
            String word = (String) f.args().get(0);
            assertTrue(fileLines[f.line() - 1].contains(word), "file line " + f.line() + " of " + word);
            int line = Mark.editorLine(f, doc.story().bodyLine());
            assertTrue(editorLines[line - 1].contains(word), "editor line " + line + " of " + word);
            assertTrue(line < f.line());
        }
    }

    @Test
    void spellingAndBrandFindingsBecomeMarksWithTheirSuggestionsOthersDoNot() {
        Finding spelling = Finding.of(org.cristal.story.Severity.WARNING, null, "check.spelling", 12, "levian",
                "levain, lévrier");
        Finding voice = Finding.of(org.cristal.story.Severity.INFO, null, "check.voice.preferred", 12,
                "viennoiseries", "viennoiseries maison");
        Finding image = Finding.of(org.cristal.story.Severity.WARNING, null, "image.notFound", 12, "x.jpg");
        Finding frontMatter = Finding.of(org.cristal.story.Severity.WARNING, null, "check.spelling", 3, "titre",
                "titres");
        assertEquals(List.of(new Mark(3, "levian", List.of("levain", "lévrier"), Mark.Kind.SPELLING),
                new Mark(3, "viennoiseries", List.of("viennoiseries maison"), Mark.Kind.VOICE)),
                Mark.of(List.of(spelling, voice, image, frontMatter), 10));
    }
}
