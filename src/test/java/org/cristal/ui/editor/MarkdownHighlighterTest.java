package org.cristal.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Markdown colouring, word count and search, without a toolkit. */
class MarkdownHighlighterTest {

    private static Collection<String> classesAt(String text, String fragment, int offsetInFragment) {
        int at = text.indexOf(fragment) + offsetInFragment;
        return MarkdownHighlighter.classes(MarkdownHighlighter.masks(text)[at]);
    }

    private static Collection<String> classesAt(String text, String fragment) {
        return classesAt(text, fragment, 0);
    }

    private static int spanLength(String text) {
        return MarkdownHighlighter.highlight(text).spans().length();
    }

    @Test
    void spansCoverTheWholeText() {
        String text = "# Title\n\nSome *text* and `code`.\n";
        assertEquals(text.length(), spanLength(text));
        assertEquals(0, spanLength(""));
    }

    @Test
    void markdownConstructsGetTheirClasses() {
        String text = """
                ## Pourquoi le levain

                Un **pain** au *levain* et un [lien](https://example.com) puis ![photo](a.jpg).

                > « Le levain, c’est une bête vivante. »

                - une croûte
                1. un
                Bonjour {{first_name|vous}} et `code`.

                ```
                **not bold**
                ```
                """;
        assertTrue(classesAt(text, "Pourquoi").contains("heading"));
        assertTrue(classesAt(text, "Pourquoi").contains("heading-2"));
        assertTrue(classesAt(text, "## ").contains("markup"));
        assertTrue(classesAt(text, "pain**").contains("strong"));
        assertTrue(classesAt(text, "levain*").contains("emphasis"));
        assertTrue(classesAt(text, "lien]").contains("link"));
        assertTrue(classesAt(text, "https://example.com").contains("url"));
        assertTrue(classesAt(text, "photo]").contains("image"));
        assertTrue(classesAt(text, "Le levain, c").contains("quote"));
        assertTrue(classesAt(text, "- une").contains("list-marker"));
        assertTrue(classesAt(text, "1. un").contains("list-marker"));
        assertTrue(classesAt(text, "{{first").contains("merge-tag"));
        assertTrue(classesAt(text, "code`").contains("code"));
        Collection<String> fenced = classesAt(text, "not bold");
        assertTrue(fenced.contains("code-block"));
        assertFalse(fenced.contains("strong"));
    }

    @Test
    void underscoresInsideWordsAreNotEmphasis() {
        String text = "snake_case_name and _really_";
        assertFalse(classesAt(text, "case").contains("emphasis"));
        assertTrue(classesAt(text, "really").contains("emphasis"));
    }

    @Test
    void aHugeSingleLineOfAsterisksIsHighlightedQuicklyAndStaysOneRun() {
        String text = "*a ".repeat(1_500_000);
        MarkdownHighlighter.Result result =
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> MarkdownHighlighter.highlight(text));
        assertEquals(1, result.spans().getSpanCount());
    }

    @Test
    void inlinePatternsStayBoundedOnLongLinesBelowTheLimit() {
        String text = "**a ".repeat(2_400) + "\n";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> MarkdownHighlighter.highlight(text));
    }

    @Test
    void wordsAreWhatAReaderReads() {
        String text = "## Un titre\n\nChaque matin, à **4 heures** : [réservez ici](https://example.com/a-b-c).\n- une croûte\n";
        // Un titre Chaque matin, à 4 heures réservez ici une croûte; ":" and the URL do not count.
        assertEquals(11, MarkdownHighlighter.highlight(text).words());
        assertEquals(1, WordCounter.readingMinutes(0));
        assertEquals(1, WordCounter.readingMinutes(200));
        assertEquals(2, WordCounter.readingMinutes(201));
    }

    @Test
    void longestLineIsMeasured() {
        assertEquals(5, MarkdownHighlighter.longestLine("ab\nabcde\n\nabc"));
        assertEquals(0, MarkdownHighlighter.longestLine(""));
    }

    @Test
    void searchIgnoresCaseAndAccents() {
        assertEquals(List.of(0, 11), TextSearch.find("Été chaud, ete frais", "ETE", 100));
        assertEquals(List.of(4), TextSearch.find("Le  Crème", "creme", 100));
        assertEquals(List.of(), TextSearch.find("abc", "", 100));
    }
}
