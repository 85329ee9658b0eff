package org.cristal.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkRangesTest {
    private static Mark mark(int line, String word) {
        return new Mark(line, word, List.of(), Mark.Kind.SPELLING);
    }

    @Test
    void aMarkIsFoundOnItsLineAsAWholeWordNotInsideAnotherWord() {
        String text = "Le pain.\n\nUn painvain, un pain et du pain.\n";
        List<MarkRanges.Range> r = MarkRanges.locate(text, List.of(mark(3, "pain")));
        assertEquals(1, r.size());
        assertEquals(text.indexOf("un pain") + 3, r.get(0).from());
    }

    @Test
    void twoMarksOfTheSameWordTakeSuccessiveOccurrencesOfTheParagraph() {
        String text = "Intro.\n\nUn levian, encore un levian\net un autre levian.\n";
        List<MarkRanges.Range> r = MarkRanges.locate(text, List.of(mark(3, "levian"), mark(3, "levian"),
                mark(3, "levian")));
        assertEquals(3, r.size());
        assertEquals(text.lastIndexOf("levian"), r.get(2).from());
    }

    @Test
    void aWordIsFoundIgnoringCaseAndAccentsAndNotPastItsParagraph() {
        String text = "Été comme hiver.\n\nUn autre été.\n";
        assertEquals(0, MarkRanges.locate(text, List.of(mark(1, "ete"))).get(0).from());
        assertTrue(MarkRanges.locate(text, List.of(mark(1, "autre"))).isEmpty());
        assertTrue(MarkRanges.locate(text, List.of(mark(9, "autre"))).isEmpty());
    }
}
