package org.cristal.render.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class MergeTagsTest {
    @Test
    void aRecipientsValueReplacesTheTagAndABlankOneTakesTheFallback() {
        String text = "Hi {{first_name|there}}, {{ Company | your business }} deserves better.";
        assertEquals("Hi Marie, Curie SA deserves better.",
                MergeTags.fill(text, Map.of("first_name", "Marie", "company", "Curie SA"), UnaryOperator.identity()));
        assertEquals("Hi there, your business deserves better.",
                MergeTags.fill(text, Map.of("first_name", " "), UnaryOperator.identity()));
    }

    @Test
    void valuesArePassedThroughTheEscapeButFallbacksAreKeptAsWritten() {
        String html = "<p>{{company|Smith &amp; Co}}</p>";
        UnaryOperator<String> escape = v -> v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        assertEquals("<p>A &amp; B &lt;x&gt;</p>", MergeTags.fill(html, Map.of("company", "A & B <x>"), escape));
        assertEquals("<p>Smith &amp; Co</p>", MergeTags.fill(html, Map.of(), escape));
    }

    @Test
    void anEmptyTagBeforeACommaTakesItsSpaceAlong() {
        assertEquals("Hi, welcome.", MergeTags.fill("Hi {{first_name}}, welcome.", Map.of(), UnaryOperator.identity()));
    }
}
